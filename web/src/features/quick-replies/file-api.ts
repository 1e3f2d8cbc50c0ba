/** Moving org replies in and out as files, with plain fetch (multipart and binary answers). */
import { getToken, setToken } from '../../app/auth/token-store';
import { ApiError, toApiError } from '../../lib/api/api-error';
import type { paths } from '../../lib/api/schema.gen';
import { filenameFromDisposition } from '../customers/lib/filename';

export type ReplyImportResult =
  paths['/api/v1/quick-replies/import']['post']['responses'][200]['content']['application/json'];

async function send(url: string, init: RequestInit): Promise<Response> {
  const headers = new Headers();
  const token = getToken();
  if (token) headers.set('authorization', `Bearer ${token}`);
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers });
  } catch {
    throw new ApiError('network', 'network error', 0);
  }
  if (response.ok) return response;
  const error = toApiError(response.status, await response.json().catch(() => null));
  if (error.status === 401 && error.code === 'unauthorized' && getToken()) setToken(null);
  throw error;
}

export async function uploadQuickReplies(file: File): Promise<ReplyImportResult> {
  const form = new FormData();
  form.append('file', file, file.name);
  const response = await send('/api/v1/quick-replies/import', { method: 'POST', body: form });
  return (await response.json()) as ReplyImportResult;
}

/** Downloads the org's replies and saves them under the server's file name. */
export async function downloadQuickReplies(format: 'csv' | 'xlsx'): Promise<void> {
  const response = await send(`/api/v1/quick-replies/export?format=${format}`, { method: 'GET' });
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filenameFromDisposition(response.headers.get('content-disposition'), `quick-replies.${format}`);
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
