import { describe, expect, it } from 'vitest';
import {
  canRetryUpload,
  expectedKind,
  filesOf,
  formatSize,
  maxBytesOf,
  pastedFiles,
  uploadError,
  uploadPercent,
} from './attachments';

describe('attachment helpers', () => {
  it('shows sizes the way a file manager does', () => {
    expect(formatSize(0)).toBe('0 B');
    expect(formatSize(1023)).toBe('1023 B');
    expect(formatSize(1536)).toBe('1.5 KB');
    expect(formatSize(2048)).toBe('2 KB');
    expect(formatSize(12.4 * 1024 * 1024)).toBe('12 MB');
    expect(formatSize(100 * 1024 * 1024)).toBe('100 MB');
    expect(formatSize(3 * 1024 ** 4)).toBe('3072 GB');
  });

  it('expects an image only for the types the server recognises', () => {
    expect(expectedKind({ type: 'image/png' })).toBe('image');
    expect(expectedKind({ type: 'image/JPEG' })).toBe('image');
    expect(expectedKind({ type: 'image/svg+xml' })).toBe('file');
    expect(expectedKind({ type: 'application/pdf' })).toBe('file');
    expect(expectedKind({ type: '' })).toBe('file');
  });

  it('takes the files of a paste or drop, and none when there are none', () => {
    const file = new File(['x'], 'a.txt');
    expect(filesOf({ files: [file] })).toEqual([file]);
    expect(filesOf({ files: null })).toEqual([]);
    expect(filesOf(null)).toEqual([]);
  });

  it('sends a pasted screenshot, but pastes the text when text comes with a picture', () => {
    const shot = new File(['png'], 'image.png', { type: 'image/png' });
    const clipboard = (text: string) => ({
      files: [shot],
      getData: (type: string) => (type === 'text/plain' ? text : ''),
    });
    expect(pastedFiles(clipboard(''))).toEqual([shot]);
    expect(pastedFiles(clipboard('静安店\t92'))).toEqual([]);
    expect(pastedFiles({ files: [], getData: () => 'hello' })).toEqual([]);
    expect(pastedFiles(null)).toEqual([]);
  });

  it('reads the server refusal of a file over the limit, with the limit', () => {
    const error = uploadError(
      413,
      JSON.stringify({
        error: { code: 'payload_too_large', message: 'A file can be at most 1024 bytes', details: { maxBytes: 1024 } },
      }),
    );
    expect(error).toMatchObject({
      code: 'payload_too_large',
      status: 413,
      message: 'A file can be at most 1024 bytes',
    });
    expect(maxBytesOf(error)).toBe(1024);
    expect(canRetryUpload(error)).toBe(false);
  });

  it('treats a 413 page without our error body as too large, and no answer as a network failure', () => {
    const proxy = uploadError(413, '<html>Request Entity Too Large</html>');
    expect(proxy.code).toBe('payload_too_large');
    expect(maxBytesOf(proxy)).toBeNull();
    const network = uploadError(0, '');
    expect(network.code).toBe('network');
    expect(canRetryUpload(network)).toBe(true);
  });

  it('keeps the server message of other refusals', () => {
    const error = uploadError(
      409,
      JSON.stringify({ error: { code: 'conflict', message: 'This group has been dissolved' } }),
    );
    expect(error).toMatchObject({ code: 'conflict', message: 'This group has been dissolved' });
    expect(uploadError(500, 'oops').code).toBe('internal');
  });

  it('reports progress in whole percent, stopping short of 100 until the server answers', () => {
    expect(uploadPercent(0, 0)).toBe(0);
    expect(uploadPercent(512, 1024)).toBe(50);
    expect(uploadPercent(1024, 1024)).toBe(99);
  });
});
