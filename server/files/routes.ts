import type { FastifyError, FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PERMISSIONS } from '../../shared/access.js';
import { errorBody } from '../../shared/api/common.js';
import {
  caseFileParams,
  courtOrderFileParams,
  draftFileHeaders,
  draftFileView,
  FILE_NAME_HEADER,
  referralFileParams,
  staffUploadHeaders,
  storedFileView,
} from '../../shared/api/files.js';
import { draftParams } from '../../shared/api/referrals.js';
import { actorOf } from '../access/guard.js';
import type { Config } from '../config.js';
import type { Db } from '../platform/database.js';
import { ERROR_RESPONSES } from '../platform/http-errors.js';
import { attachmentDisposition, FileTooLarge, MAX_FILE_BYTES } from './media.js';
import {
  attachToCourtOrder,
  attachToDraft,
  downloadCaseFile,
  downloadReferralFile,
  removeFromDraft,
} from './service.js';

const tags = ['files'];
const errors = { ...ERROR_RESPONSES, 413: errorBody };
/** Uploads are heavy: a few dozen an hour from one address is plenty for someone filling in the form. */
const uploadLimit = { max: 30, timeWindow: '1 hour' };

/** What is answered for a download, and accepted for an upload: the bytes, whatever they claim to be. */
const MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif'];
const fileBytes = z
  .custom<Buffer | undefined>((value) => value === undefined || Buffer.isBuffer(value), {
    error: 'Send the file itself as the request body',
  })
  .meta({ type: 'string', format: 'binary', description: 'The file’s bytes' });
const bytesOut = z
  .custom<Buffer>((value) => Buffer.isBuffer(value))
  .meta({ type: 'string', format: 'binary' });
/** A download: the bytes under the type found from them; errors are still JSON. */
const downloaded = {
  description: 'The file’s bytes, always as an attachment',
  content: Object.fromEntries(MEDIA_TYPES.map((type) => [type, { schema: bytesOut }])),
};

function sendFile(reply: FastifyReply, file: { fileName: string; mediaType: string; content: Buffer }) {
  return reply
    .header('content-type', file.mediaType)
    .header('content-disposition', attachmentDisposition(file.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .send(file.content);
}

/**
 * Court-order files. This plugin is its own scope: every body its routes receive is taken as raw bytes
 * (up to the file limit), whatever content type it claims, because the bytes decide what a file is.
 * Parsing comes before the access guard's check (preValidation), so a refused request is read first,
 * but never more than the limit; the walk of every route's refusal sends JSON here and is refused alike.
 */
export const fileRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config }> = async (app, { db }) => {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_FILE_BYTES }, (_request, body, done) =>
    done(null, body),
  );
  // Too large for the parser: the same sentence as a file found too large by its size.
  app.setErrorHandler((error: FastifyError) => {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') throw new FileTooLarge();
    throw error;
  });

  app.put(
    '/referrals/drafts/:draftId/court-order',
    {
      bodyLimit: MAX_FILE_BYTES,
      config: { access: { public: true }, rateLimit: uploadLimit },
      schema: {
        tags,
        summary: 'Attach a copy of the court order to a draft (needs its resume token); replaces any before',
        description: `The raw file as the body, its name percent-encoded in ${FILE_NAME_HEADER}.`,
        consumes: MEDIA_TYPES,
        params: draftParams,
        headers: draftFileHeaders,
        body: fileBytes,
        response: { 200: draftFileView, ...errors },
      },
    },
    async (request) =>
      attachToDraft(
        db,
        request.session?.actor ? request.session.userId : null,
        { draftId: request.params.draftId, resumeToken: request.headers['x-resume-token'] },
        { bytes: request.body, fileName: request.headers[FILE_NAME_HEADER] },
      ),
  );

  app.delete(
    '/referrals/drafts/:draftId/court-order',
    {
      config: { access: { public: true }, rateLimit: uploadLimit },
      schema: {
        tags,
        summary: 'Remove the copy of the court order from a draft (needs its resume token)',
        params: draftParams,
        headers: draftFileHeaders,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await removeFromDraft(db, {
        draftId: request.params.draftId,
        resumeToken: request.headers['x-resume-token'],
      });
      return reply.status(204).send(null);
    },
  );

  const readDocuments = { access: { permission: PERMISSIONS.CASE_DOCUMENTS_READ } };

  app.get(
    '/centres/:centreId/referrals/:id/files/:fileId',
    {
      config: readDocuments,
      schema: {
        tags,
        summary: 'Download a file sent with a referral (always as an attachment)',
        params: referralFileParams,
        response: { 200: downloaded, ...errors },
      },
    },
    async (request, reply) => {
      const { centreId, id, fileId } = request.params;
      return sendFile(reply, await downloadReferralFile(db, actorOf(request), centreId, id, fileId));
    },
  );

  app.get(
    '/centres/:centreId/cases/:caseId/files/:fileId',
    {
      config: readDocuments,
      schema: {
        tags,
        summary: 'Download a file kept with a case (always as an attachment)',
        params: caseFileParams,
        response: { 200: downloaded, ...errors },
      },
    },
    async (request, reply) => {
      const { centreId, caseId, fileId } = request.params;
      return sendFile(reply, await downloadCaseFile(db, actorOf(request), centreId, caseId, fileId));
    },
  );

  app.put(
    '/centres/:centreId/cases/:caseId/court-orders/:orderId/file',
    {
      bodyLimit: MAX_FILE_BYTES,
      config: { access: { permission: PERMISSIONS.CASE_WRITE } },
      schema: {
        tags,
        summary: 'Attach a copy of the order to the court order in force on a case (earlier copies are kept)',
        description: `The raw file as the body, its name percent-encoded in ${FILE_NAME_HEADER}.`,
        consumes: MEDIA_TYPES,
        params: courtOrderFileParams,
        headers: staffUploadHeaders,
        body: fileBytes,
        response: { 200: storedFileView, ...errors },
      },
    },
    async (request) =>
      attachToCourtOrder(db, actorOf(request), request.params, {
        bytes: request.body,
        fileName: request.headers[FILE_NAME_HEADER],
      }),
  );
};
