/**
 * Save as you go: the first Continue creates a draft on the server, later ones replace its answers. This
 * device keeps only the draft's id and resume token (never the answers), so a reload picks up where the
 * referrer was; sending the referral forgets them.
 */
import { useCallback, useRef, useState } from 'react';
import { z } from 'zod';
import { isApiError } from '../../api/client.js';
import { createDraft, deleteDraft, updateDraft } from '../../api/referrals.js';
import { readStored, STORAGE_KEYS, writeStored } from '../../lib/storage.js';
import type { ReferralAnswers } from './answers.js';

export interface StoredDraft {
  draftId: string;
  resumeToken: string;
}

const storedDraft = z.object({ draftId: z.string().min(1), resumeToken: z.string().min(1) });

export function readStoredDraft(): StoredDraft | null {
  const raw = readStored('local', STORAGE_KEYS.referralDraft);
  if (!raw) return null;
  try {
    const parsed = storedDraft.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function forgetStoredDraft(): void {
  const stored = readStoredDraft();
  writeStored('local', STORAGE_KEYS.referralDraft, null);
  // The server's copy holds personal data: delete it too. Best effort: an unused draft expires in 30 days.
  if (stored) void deleteDraft(stored.draftId, stored.resumeToken).catch(() => undefined);
}

export type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

/**
 * Saves run one after another, so two quick Continues never create two drafts. A draft the server no
 * longer has (expired, or sent from another tab) is created again.
 */
export function useDraftSaver(initial: StoredDraft | null) {
  const draft = useRef<StoredDraft | null>(initial);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const [state, setState] = useState<SaveState>('idle');

  const save = useCallback((answers: ReferralAnswers) => {
    const body = { centreId: answers.centreId || undefined, answers: { ...answers } };
    queue.current = queue.current.then(async () => {
      setState('saving');
      try {
        const current = draft.current;
        if (current) {
          try {
            await updateDraft(current.draftId, current.resumeToken, body);
            setState('saved');
            return;
          } catch (error) {
            if (!isApiError(error) || ![401, 403, 404].includes(error.status)) throw error;
          }
        }
        const created = await createDraft(body);
        draft.current = created;
        writeStored('local', STORAGE_KEYS.referralDraft, JSON.stringify(created));
        setState('saved');
      } catch {
        setState('failed');
      }
    });
  }, []);

  /** After sending: once any save still on its way has finished, forget the draft on this device. */
  const forget = useCallback(() => {
    queue.current = queue.current.then(() => {
      draft.current = null;
      forgetStoredDraft();
    });
    return queue.current;
  }, []);

  return { save, forget, state };
}
