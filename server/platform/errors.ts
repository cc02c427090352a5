/**
 * Typed application errors. Services throw these; the one error handler (http-errors.ts) turns them into
 * `{ code, message, details }` with the right status. Messages are sentences a coordinator understands.
 */
export interface FieldProblem {
  field: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: FieldProblem[],
  ) {
    super(message);
  }
}

/** Bad input that passed the schema but not a rule about a field. */
export class InvalidInput extends AppError {
  constructor(details: FieldProblem[], message = 'Some answers need correcting.') {
    super(400, 'invalid_input', message, details);
  }
}

/** Not signed in, or the session has ended. */
export class NotSignedIn extends AppError {
  constructor(message = 'Please sign in.') {
    super(401, 'not_signed_in', message);
  }
}

/** Signed in, but the role does not allow this. */
export class NotAllowed extends AppError {
  constructor(message = 'Your role does not allow this.') {
    super(403, 'not_allowed', message);
  }
}

/** Missing, or in a centre the user may not act for: the two answer alike. */
export class NotFound extends AppError {
  constructor(what = 'record', message = `That ${what} was not found.`) {
    super(404, 'not_found', message);
  }
}

/** A rule refused the change because of the current state of things (a double booking, a duplicate). */
export class Conflict extends AppError {
  constructor(message: string, code = 'conflict') {
    super(409, code, message);
  }
}

/** A rule of the service refused the request as asked. */
export class RuleRefused extends AppError {
  constructor(message: string, code = 'rule_refused') {
    super(422, code, message);
  }
}

export class TooManyAttempts extends AppError {
  constructor(message: string) {
    super(429, 'too_many_attempts', message);
  }
}
