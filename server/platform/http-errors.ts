import type {} from '@fastify/static';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { errorBody } from '../../shared/api/common.js';
import { databaseErrorOf } from './database.js';
import { AppError, type FieldProblem } from './errors.js';

/**
 * The one error handler: typed application errors in, `{ code, message, details }` out.
 * Anything unexpected is logged with the request id and answered with a generic 500.
 */
export function registerErrorHandling(app: FastifyInstance, options: { webApp: boolean }): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof AppError) {
      return reply.status(error.statusCode).send({
        code: error.code,
        message: error.message,
        ...(error.details ? { details: error.details } : {}),
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details: FieldProblem[] = error.validation.map((issue) => {
        const where = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
        const unknownKeys = (issue.params as { keys?: string[] } | undefined)?.keys;
        const field =
          issue.keyword === 'unrecognized_keys' && unknownKeys?.length
            ? [where, unknownKeys.join(', ')].filter(Boolean).join('.')
            : where || error.validationContext || 'body';
        return { field, message: humanIssue(issue.keyword, issue.message) };
      });
      return reply.status(400).send({
        code: 'invalid_input',
        message: 'Some answers need correcting.',
        details,
      });
    }
    // Text the database cannot store (a NUL character, bytes that are not UTF-8) is bad input, not a fault.
    const { code: sqlState } = databaseErrorOf(error);
    if (sqlState === '22021' || sqlState === '22P05') {
      return reply.status(400).send({
        code: 'invalid_input',
        message: 'Some text holds characters that cannot be stored. Remove them and try again.',
      });
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: { message: error.message } }, 'response did not match its schema');
      return reply.status(500).send({ code: 'internal', message: 'Something went wrong on our side.' });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return reply.status(status).send({ code: clientErrorCode(error), message: clientErrorMessage(error) });
    }
    request.log.error({ err: { message: error.message, stack: error.stack, code: error.code } }, 'failed');
    return reply
      .status(500)
      .send({ code: 'internal', message: 'Something went wrong on our side. Please try again.' });
  });

  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.url === '/api') {
      return reply.status(404).send({ code: 'not_found', message: 'There is nothing at this address.' });
    }
    // The web app shows its own not-found page; without a built web app, a plain JSON answer.
    if (options.webApp) {
      return reply.status(404).type('text/html').sendFile('index.html');
    }
    return reply.status(404).send({ code: 'not_found', message: 'There is nothing at this address.' });
  });
}

function humanIssue(keyword: string, message: string | undefined): string {
  if (keyword === 'unrecognized_keys') return 'This field is not expected here.';
  if (keyword === 'invalid_type' && message?.includes('received undefined')) return 'This is required.';
  return message ?? 'This value is not valid.';
}

function clientErrorCode(error: FastifyError): string {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'invalid_json';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'body_too_large';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'unsupported_media_type';
    default:
      return 'bad_request';
  }
}

function clientErrorMessage(error: FastifyError): string {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'The request body is not valid JSON.';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'The request is too large.';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'Send the request as JSON.';
    default:
      return 'The request could not be understood.';
  }
}

/** The error answers every route may give, for its response schema (the body is always `errorBody`). */
export const ERROR_RESPONSES = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
  422: errorBody,
  429: errorBody,
} as const;
