import { describe, expect, it } from 'vitest';
import { ApiError, invalidFields, toApiError } from './api-error';

describe('API errors', () => {
  it('reads code, message and details from an error body', () => {
    const error = toApiError(409, { error: { code: 'conflict', message: 'taken', details: { field: 'email' } } });
    expect(error).toMatchObject({ code: 'conflict', message: 'taken', status: 409 });
    expect(invalidFields(error)).toEqual(['email']);
  });

  it('falls back to a code from the status when the body is not an API error', () => {
    expect(toApiError(502, '<html>bad gateway</html>').code).toBe('internal');
    expect(toApiError(400, null).code).toBe('invalid');
  });

  it('names the fields of a validation error, unknown fields included', () => {
    const error = new ApiError('invalid', 'bad', 400, [
      { field: 'body.name', rule: 'maxLength' },
      { field: 'body', rule: 'additionalProperties', unknownField: 'isAdmin' },
    ]);
    expect(invalidFields(error)).toEqual(['name', 'isAdmin']);
  });
});
