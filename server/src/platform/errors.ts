import type { ErrorCode } from '@concord/protocol';

/** A failure a user can act on; the http layer turns it into `{error:{code,message,details}}`. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** The object does not exist in the actor's org (also used for objects of other orgs). */
export const notFound = (what: string, details?: unknown) => new DomainError('not_found', `${what} not found`, details);
/** The actor is known but may not do this. */
export const forbidden = (message = 'You do not have permission to do this', details?: unknown) =>
  new DomainError('forbidden', message, details);
/** The input breaks a rule; details name the fields. */
export const invalid = (message: string, details?: unknown) => new DomainError('invalid', message, details);
/** The change clashes with existing data (a duplicate, a non-empty department…). */
export const conflict = (message: string, details?: unknown) => new DomainError('conflict', message, details);
/** A configured limit would be passed. */
export const limitExceeded = (message: string, details?: unknown) =>
  new DomainError('limit_exceeded', message, details);
/** No valid credentials. */
export const unauthorized = (message = 'Sign in first', details?: unknown) =>
  new DomainError('unauthorized', message, details);
/** Too many failures; details carry retryAfterSeconds. */
export const tooManyAttempts = (message: string, details?: unknown) =>
  new DomainError('too_many_attempts', message, details);
