/**
 * Uploads the import file with plain fetch + FormData (openapi-fetch's multipart typing is awkward);
 * errors become ApiError like everywhere else.
 */
import { getToken, setToken } from '../../../app/auth/token-store';
import { ApiError, toApiError } from '../../../lib/api/api-error';
import type { paths } from '../../../lib/api/schema.gen';

export type ImportResult = paths['/api/v1/members/import']['post']['responses'][200]['content']['application/json'];
export type ImportRowError = ImportResult['errors'][number];

export async function uploadImport(file: File, dryRun: boolean): Promise<ImportResult> {
  const form = new FormData();
  form.append('file', file, file.name);
  const headers = new Headers();
  const token = getToken();
  if (token) headers.set('authorization', `Bearer ${token}`);
  let response: Response;
  try {
    response = await fetch(`/api/v1/members/import?dryRun=${dryRun}`, { method: 'POST', body: form, headers });
  } catch {
    throw new ApiError('network', 'network error', 0);
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return body as ImportResult;
  const error = toApiError(response.status, body);
  if (error.status === 401 && error.code === 'unauthorized' && getToken()) setToken(null);
  throw error;
}

/** A real run refused because rows are bad carries the same outcome as a dry run in its details. */
export function outcomeOf(error: unknown): ImportResult | null {
  if (!(error instanceof ApiError)) return null;
  const details = error.details as Partial<ImportResult> | undefined;
  return details && Array.isArray(details.errors) && typeof details.total === 'number'
    ? (details as ImportResult)
    : null;
}
