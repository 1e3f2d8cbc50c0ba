/**
 * File transfers with plain fetch (openapi-fetch's multipart and binary typing is awkward): the
 * import upload and the export download. Errors become ApiError like everywhere else.
 */
import { ApiError } from '../../lib/api/api-error';
import { saveResponse, sendWithToken } from '../../lib/api/file-transfer';
import type { paths } from '../../lib/api/schema.gen';

export type ImportResult = paths['/api/v1/customers/import']['post']['responses'][200]['content']['application/json'];
export type ImportRowError = ImportResult['errors'][number];

export async function uploadCustomers(file: File, dryRun: boolean, allowDuplicates: boolean): Promise<ImportResult> {
  const form = new FormData();
  form.append('file', file, file.name);
  const response = await sendWithToken(`/api/v1/customers/import?dryRun=${dryRun}&allowDuplicates=${allowDuplicates}`, {
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
  const response = await sendWithToken(`/api/v1/customers/export${search ? `?${search}` : ''}`, { method: 'GET' });
  return saveResponse(response, 'customers.csv');
}
