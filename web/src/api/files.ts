/**
 * Copies of court orders: attached to a referral draft while the form is filled in, listed and
 * downloaded by staff who may read case documents, and added by staff to a case's court order. An upload
 * sends the file itself as the body (not JSON), so it has its own request here, with upload progress.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { sessionView } from '../../../shared/api/auth.js';
import { errorBody } from '../../../shared/api/common.js';
import { draftView } from '../../../shared/api/referrals.js';
import {
  draftFileView,
  FILE_NAME_HEADER,
  storedFileView,
  type StoredFileView,
} from '../../../shared/api/files.js';
import i18n from '../i18n/index.js';
import { ApiError, apiRequest } from './client.js';

export type DraftFile = z.infer<typeof draftFileView>;
export type { StoredFileView };

/** A draft as this browser holds it: its id and resume token. */
export interface DraftKey {
  draftId: string;
  resumeToken: string;
}

const RESUME_HEADER = 'x-resume-token';

/** Progress of an upload, from 0 to 1. */
export type OnProgress = (fraction: number) => void;

/**
 * PUTs a file's bytes with the CSRF token when someone is signed in (a coordinator may fill in the public
 * form too), reporting progress; failures become ApiErrors carrying the server's sentence.
 */
async function putFile<S extends z.ZodType>(
  path: string,
  file: File,
  options: { schema: S; headers?: Record<string, string>; onProgress?: OnProgress },
): Promise<z.output<S>> {
  let csrfToken: string | null = null;
  try {
    csrfToken = (await apiRequest('/auth/session', { schema: sessionView })).csrfToken;
  } catch {
    // Without a session there is no token to send; the upload says for itself what went wrong.
  }
  const body = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('PUT', `/api${path}`);
    request.setRequestHeader('accept', 'application/json');
    // What the file claims to be does not matter: the server decides from its bytes.
    request.setRequestHeader('content-type', 'application/octet-stream');
    request.setRequestHeader(FILE_NAME_HEADER, encodeURIComponent(file.name));
    for (const [name, value] of Object.entries(options.headers ?? {})) request.setRequestHeader(name, value);
    if (csrfToken) request.setRequestHeader('x-csrf-token', csrfToken);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) options.onProgress?.(event.loaded / event.total);
    };
    request.onload = () => resolve({ status: request.status, text: request.responseText });
    request.onerror = () => reject(new ApiError(0, 'network', i18n.t('errors.network')));
    request.onabort = () => reject(new ApiError(0, 'network', i18n.t('errors.network')));
    request.send(file);
  });
  const json = (() => {
    try {
      return JSON.parse(body.text) as unknown;
    } catch {
      return undefined;
    }
  })();
  if (body.status < 200 || body.status >= 300) {
    const problem = errorBody.safeParse(json);
    if (!problem.success) throw new ApiError(body.status, 'unknown', i18n.t('errors.unexpected'));
    throw new ApiError(body.status, problem.data.code, problem.data.message, problem.data.details);
  }
  const parsed = options.schema.safeParse(json);
  if (!parsed.success) throw new ApiError(body.status, 'bad_response', i18n.t('errors.unexpected'));
  return parsed.data as z.output<S>;
}

// On the referral form

const draftFileKey = (draftId: string | undefined) => ['referral-draft-court-order', draftId] as const;

/** The copy of the order attached to the draft, read with the token only this browser holds. */
export function useDraftCourtOrder(draft: DraftKey | null) {
  return useQuery({
    queryKey: draftFileKey(draft?.draftId),
    queryFn: async () => {
      const view = await apiRequest(`/referrals/drafts/${draft?.draftId ?? ''}`, {
        headers: { [RESUME_HEADER]: draft?.resumeToken ?? '' },
        schema: draftView,
      });
      return view.courtOrderFile ?? null;
    },
    enabled: draft !== null,
    retry: false,
  });
}

export function useAttachToDraft(draft: DraftKey | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, onProgress }: { file: File; onProgress?: OnProgress }) => {
      if (!draft) throw new ApiError(404, 'not_found', i18n.t('files.draft.notSaved'));
      return putFile(`/referrals/drafts/${draft.draftId}/court-order`, file, {
        schema: draftFileView,
        headers: { [RESUME_HEADER]: draft.resumeToken },
        onProgress,
      });
    },
    onSuccess: (file) => queryClient.setQueryData(draftFileKey(draft?.draftId), file),
  });
}

export function useRemoveFromDraft(draft: DraftKey | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiRequest(`/referrals/drafts/${draft?.draftId ?? ''}/court-order`, {
        method: 'DELETE',
        headers: { [RESUME_HEADER]: draft?.resumeToken ?? '' },
      }),
    onSuccess: () => queryClient.setQueryData(draftFileKey(draft?.draftId), null),
  });
}

// For staff

/** Where a file downloads from: the server answers it as an attachment. */
export function referralFileUrl(centreId: string, referralId: string, fileId: string): string {
  return `/api/centres/${centreId}/referrals/${referralId}/files/${fileId}`;
}

export function caseFileUrl(centreId: string, caseId: string, fileId: string): string {
  return `/api/centres/${centreId}/cases/${caseId}/files/${fileId}`;
}

/** Attaches a copy to the court order in force on a case; the case file is read again to list it. */
export function useAttachToCourtOrder(centreId: string, caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ orderId, file, onProgress }: { orderId: string; file: File; onProgress?: OnProgress }) =>
      putFile(`/centres/${centreId}/cases/${caseId}/court-orders/${orderId}/file`, file, {
        schema: storedFileView,
        onProgress,
      }),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: ['centres', centreId, 'cases', 'one', caseId], exact: true }),
  });
}
