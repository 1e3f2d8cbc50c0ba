/**
 * File transfers with plain fetch (openapi-fetch's multipart and binary typing is awkward): the
 * import upload and the export download. Errors become ApiError like everywhere else.
 */
import { getToken, setToken } from '../../app/auth/token-store';
import { ApiError, toApiError } from '../../lib/api/api-error';
import type { paths } from '../../lib/api/schema.gen';
import { filenameFromDisposition } from './lib/filename';

export type ImportResult = paths['/api/v1/customers/import']['post']['responses'][200]['content']['application/json'];
export type ImportRowError = ImportResult['errors'][number];

function authHeaders(): Headers {
  const headers = new Headers();
  const token = getToken();
  if (token) headers.set('authorization', `Bearer ${token}`);
  return headers;
}

async function send(url: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: authHeaders() });
  } catch {
    throw new ApiError('network', 'network error', 0);
  }
  if (response.ok) return response;
  const error = toApiError(response.status, await response.json().catch(() => null));
  if (error.status === 401 && error.code === 'unauthorized' && getToken()) setToken(null);
  throw error;
}

export async function uploadCustomers(file: File, dryRun: boolean, allowDuplicates: boolean): Promise<ImportResult> {
  const form = new FormData();
  form.append('file', file, file.name);
  const response = await send(`/api/v1/customers/import?dryRun=${dryRun}&allowDuplicates=${allowDuplicates}`, {
    method: 'POST',
    body: form,
  });
  return (await response.json()) as ImportResult;
}

/** A real run refused because rows are bad carries the same outcome as a dry run in its details. */
export function outcomeOf(error: unknown): ImportResult | null {
  if (!(error instanceof ApiError)) return null;
  const details = error.details as Partial<ImportResult> | undefined;
  return details && Array.isArray(details.errors) && typeof details.total === 'number'
    ? (details as ImportResult)
    : null;
}

/** Downloads the export for these query parameters and saves it under the server's name. */
export async function downloadCustomers(search: string): Promise<string> {
  const response = await send(`/api/v1/customers/export${search ? `?${search}` : ''}`, { method: 'GET' });
  const blob = await response.blob();
  const filename = filenameFromDisposition(response.headers.get('content-disposition'), 'customers.csv');
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return filename;
}
