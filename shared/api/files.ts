/**
 * Files kept with a referral or a case: today only copies of the court order. The bytes travel as the raw
 * request body (never JSON), with the file's name in the `x-file-name` header, percent-encoded.
 */
import { z } from 'zod';
import { id, isoDateTime } from './common.js';

/** Largest file accepted; the database refuses anything larger too. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_FILE_WORDS = '10 MB';

/** What the file picker offers: a PDF, or a photo as phones and scanners make them. */
export const ACCEPTED_FILES =
  'application/pdf,image/jpeg,image/png,image/webp,image/heic,image/heif,.pdf,.jpg,.jpeg,.png,.webp,.heic,.heif';

export const FILE_NAME_HEADER = 'x-file-name';

/** The file on a referral draft, as the person filling in the form sees it. */
export const draftFileView = z.object({
  fileName: z.string(),
  /** Found from the content, not from the name. */
  mediaType: z.string(),
  sizeBytes: z.number().int(),
});

/** A file kept with a referral or a case, listed for staff who may read case documents. */
export const storedFileView = z.object({
  id,
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  uploadedAt: isoDateTime,
  /** The staff member who added it; null when it came with a referral sent without signing in. */
  uploadedBy: z.string().nullable(),
  /** The court order of the case it is a copy of, once the case has one. */
  courtOrderId: id.nullable(),
  /** Sent with the referral (true), or added to the case by staff later (false). */
  fromReferral: z.boolean(),
});
export type StoredFileView = z.infer<typeof storedFileView>;

export const draftFileHeaders = z.object({
  'x-resume-token': z.string().max(100).optional(),
  [FILE_NAME_HEADER]: z.string().max(1000).optional(),
});
export const staffUploadHeaders = z.object({ [FILE_NAME_HEADER]: z.string().max(1000).optional() });

export const referralFileParams = z.strictObject({ centreId: id, id, fileId: id });
export const caseFileParams = z.strictObject({ centreId: id, caseId: id, fileId: id });
export const courtOrderFileParams = z.strictObject({ centreId: id, caseId: id, orderId: id });
