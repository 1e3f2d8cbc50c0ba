/** Stable error codes every API error carries; the web client translates them. */
export const ERROR_CODES = [
  'invalid',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'limit_exceeded',
  'payload_too_large',
  'unsupported_media_type',
  'too_many_attempts',
  'mail_unavailable',
  'font_unavailable',
  'totp_required',
  'totp_setup_required',
  'content_blocked',
  'archive_notice_required',
  'archive_consent_declined',
  'category_not_empty',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** HTTP status for each error code; mapped once, in the server's http layer. */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  invalid: 400,
  unauthorized: 401,
  totp_required: 401,
  forbidden: 403,
  archive_notice_required: 403,
  archive_consent_declined: 403,
  totp_setup_required: 403,
  not_found: 404,
  conflict: 409,
  category_not_empty: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  limit_exceeded: 422,
  content_blocked: 422,
  too_many_attempts: 429,
  mail_unavailable: 503,
  font_unavailable: 503,
  internal: 500,
};

/** The body of every error response. */
export type ApiError = {
  error: { code: ErrorCode; message: string; details?: unknown };
};
