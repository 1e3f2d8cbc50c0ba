/**
 * The typed API client (types generated from the server's OpenAPI document). `unwrap` turns
 * an error answer into an ApiError; a 401 signs the console out.
 */
import createClient from 'openapi-fetch';
import { getToken, setToken } from '../../app/auth/token-store';
import { ApiError, toApiError } from './api-error';
import type { paths } from './schema.gen';

export const api = createClient<paths>({ baseUrl: globalThis.location?.origin ?? 'http://127.0.0.1:8080' });

api.use({
  onRequest({ request }) {
    const token = getToken();
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    return request;
  },
});

type Result<T> = { data?: T; error?: unknown; response: Response };

/** Resolves to the data of a successful answer; throws ApiError otherwise. */
export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await pending;
  } catch {
    throw new ApiError('network', 'network error', 0);
  }
  if (result.response.ok) return result.data as T;
  const error = toApiError(result.response.status, result.error);
  if (error.status === 401 && error.code === 'unauthorized' && getToken()) setToken(null);
  throw error;
}
