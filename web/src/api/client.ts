/**
 * The one way the web app talks to the server: JSON in and out, the CSRF header on every change,
 * and every failure turned into an ApiError carrying the server's sentence and per-field details.
 */
import type { z } from 'zod';
import { errorBody } from '../../../shared/api/common.js';
import { sessionView } from '../../../shared/api/auth.js';
import i18n from '../i18n/index.js';

export interface FieldProblem {
  field: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: FieldProblem[];

  constructor(status: number, code: string, message: string, details: FieldProblem[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

/** A sentence to show for any error, whether it came from the server or from the network. */
export function errorMessage(error: unknown): string {
  return error instanceof ApiError ? error.message : i18n.t('errors.unexpected');
}

// The token from the latest sessionView. The server only checks it once someone is signed in; before
// that it is null and nothing is sent.
let csrfToken: string | null = null;
let csrfTokenKnown = false;

export function rememberCsrfToken(token: string | null): void {
  csrfToken = token;
  csrfTokenKnown = true;
}

let onSignedOut: (() => void) | null = null;

/** Called when a staff request answers 401: the session has ended and the sign-in guard should react. */
export function setSignedOutHandler(handler: () => void): void {
  onSignedOut = handler;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type QueryValue = string | number | boolean | null | undefined;

interface RequestOptions {
  method?: Method;
  body?: unknown;
  query?: Record<string, QueryValue>;
  /** Extra request headers, such as the resume token of a saved referral draft. */
  headers?: Record<string, string>;
}

export function apiRequest<S extends z.ZodType>(
  path: string,
  options: RequestOptions & { schema: S },
): Promise<z.output<S>>;
export function apiRequest(path: string, options?: RequestOptions): Promise<void>;
export async function apiRequest(
  path: string,
  options: RequestOptions & { schema?: z.ZodType } = {},
): Promise<unknown> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { ...options.headers, accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    if (!csrfTokenKnown) await loadCsrfToken();
    if (csrfToken) headers['x-csrf-token'] = csrfToken;
  }

  let response: Response;
  try {
    response = await fetch(withQuery(`/api${path}`, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(0, 'network', i18n.t('errors.network'));
  }

  if (!response.ok) throw await toApiError(path, response);
  if (!options.schema) return undefined;

  const parsed = options.schema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw new ApiError(response.status, 'bad_response', i18n.t('errors.unexpected'));
  return parsed.data;
}

function withQuery(url: string, query: RequestOptions['query']): string {
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${url}?${search}` : url;
}

async function toApiError(path: string, response: Response): Promise<ApiError> {
  if (response.status === 401 && !path.startsWith('/auth/')) onSignedOut?.();
  const parsed = errorBody.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) {
    return new ApiError(response.status, 'unknown', i18n.t('errors.unexpected'));
  }
  return new ApiError(response.status, parsed.data.code, parsed.data.message, parsed.data.details);
}

async function loadCsrfToken(): Promise<void> {
  try {
    const response = await fetch('/api/auth/session', { headers: { accept: 'application/json' } });
    const parsed = sessionView.safeParse(await response.json());
    rememberCsrfToken(parsed.success ? parsed.data.csrfToken : null);
  } catch {
    // The request that needed the token will fail on its own and say why.
  }
}
