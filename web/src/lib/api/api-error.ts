/** An error answered by the API (`{error:{code,message,details}}`) or a network failure. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type ErrorBody = { error?: { code?: unknown; message?: unknown; details?: unknown } };

/** Builds an ApiError from a response body, whatever shape it has. */
export function toApiError(status: number, body: unknown): ApiError {
  const error = (body as ErrorBody | null)?.error;
  const code = typeof error?.code === 'string' ? error.code : status >= 500 ? 'internal' : 'invalid';
  const message = typeof error?.message === 'string' ? error.message : `HTTP ${status}`;
  return new ApiError(code, message, status, error?.details);
}

/** The field names of a validation error's details, for showing next to the message. */
export function invalidFields(error: ApiError): string[] {
  if (!Array.isArray(error.details)) {
    const field = (error.details as { field?: unknown } | undefined)?.field;
    return typeof field === 'string' ? [field] : [];
  }
  return error.details
    .map((d: { field?: unknown; unknownField?: unknown }) =>
      typeof d.unknownField === 'string' ? d.unknownField : d.field,
    )
    .filter((f): f is string => typeof f === 'string' && f !== '')
    .map((f) => f.replace(/^(body|querystring|params)\.?/, ''));
}
