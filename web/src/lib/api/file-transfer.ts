/**
 * Uploads and downloads with plain fetch (openapi-fetch's multipart and binary typing is
 * awkward): the session token attached, errors turned into ApiError as everywhere else, and a
 * downloaded file saved under the name the server gave it.
 */
import { getToken, setToken } from '../../app/auth/token-store';
import { ApiError, toApiError } from './api-error';
import { filenameFromDisposition } from './content-disposition';

/** The response when it is a success; an ApiError otherwise (a lost session signs out). */
export async function sendWithToken(url: string, init: RequestInit = {}): Promise<Response> {
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

/** Saves a download under the server's file name (or the fallback); resolves to the name used. */
export async function saveResponse(response: Response, fallbackName: string): Promise<string> {
  const filename = filenameFromDisposition(response.headers.get('content-disposition'), fallbackName);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return filename;
}
