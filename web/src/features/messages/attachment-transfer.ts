/**
 * Moving attachment bytes. Uploads use XMLHttpRequest because fetch reports no upload progress;
 * downloads go through the typed client as a Blob, since the GET needs the bearer header and an
 * <img src> cannot send one.
 */
import { getToken, setToken } from '../../app/auth/token-store';
import { ApiError } from '../../lib/api/api-error';
import { api, unwrap } from '../../lib/api/client';
import { uploadError, uploadPercent } from './attachments';
import type { AttachmentRef } from './message-cache';

export type Upload = { done: Promise<AttachmentRef>; abort: () => void };

/** The code of the error an aborted upload rejects with (never shown). */
export const CANCELLED = 'cancelled';

/**
 * Uploads with the console's session, or with `guestToken` on the join page (a guest's refused
 * upload never signs the console out).
 */
export function startUpload(
  conversationId: string,
  file: File,
  onProgress: (percent: number) => void,
  guestToken?: string,
): Upload {
  const xhr = new XMLHttpRequest();
  const done = new Promise<AttachmentRef>((resolve, reject) => {
    xhr.open('POST', `/api/v1/conversations/${encodeURIComponent(conversationId)}/attachments`);
    const token = guestToken ?? getToken();
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(uploadPercent(e.loaded, e.total));
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as AttachmentRef);
        } catch {
          reject(new ApiError('internal', 'unreadable answer', xhr.status));
        }
        return;
      }
      const error = uploadError(xhr.status, xhr.responseText);
      if (!guestToken && error.status === 401 && error.code === 'unauthorized' && getToken()) setToken(null);
      reject(error);
    };
    xhr.onerror = () => reject(uploadError(0, ''));
    xhr.onabort = () => reject(new ApiError(CANCELLED, 'upload cancelled', 0));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
  return { done, abort: () => xhr.abort() };
}

/** The attachment's bytes; `save` asks for them as a download even for an image. */
export async function downloadAttachment(id: string, save = false): Promise<Blob> {
  const blob = await unwrap(
    api.GET('/api/v1/attachments/{id}', {
      params: { path: { id }, query: save ? { download: '1' } : {} },
      parseAs: 'blob',
    }),
  );
  return blob as Blob;
}

/** Saves a Blob under a file name through a temporary link. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
