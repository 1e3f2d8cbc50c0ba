/** Moving org replies in and out as files, with plain fetch (multipart and binary answers). */
import { saveResponse, sendWithToken } from '../../lib/api/file-transfer';
import type { paths } from '../../lib/api/schema.gen';

export type ReplyImportResult =
  paths['/api/v1/quick-replies/import']['post']['responses'][200]['content']['application/json'];

export async function uploadQuickReplies(file: File): Promise<ReplyImportResult> {
  const form = new FormData();
  form.append('file', file, file.name);
  const response = await sendWithToken('/api/v1/quick-replies/import', { method: 'POST', body: form });
  return (await response.json()) as ReplyImportResult;
}

/** Downloads the org's replies and saves them under the server's file name. */
export async function downloadQuickReplies(format: 'csv' | 'xlsx'): Promise<void> {
  const response = await sendWithToken(`/api/v1/quick-replies/export?format=${format}`, { method: 'GET' });
  await saveResponse(response, `quick-replies.${format}`);
}
