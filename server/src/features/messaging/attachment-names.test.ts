import { describe, expect, it } from 'vitest';
import { TINY_PNG } from '../../../test/multipart.js';
import { cleanDeclaredMime, cleanFileName, contentDisposition, sniffImageMime } from './attachment-names.js';

describe('attachment names and types', () => {
  it('recognises images only by their bytes', () => {
    expect(sniffImageMime(TINY_PNG)).toBe('image/png');
    expect(sniffImageMime(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffImageMime(Buffer.from('GIF89a...'))).toBe('image/gif');
    expect(sniffImageMime(Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1'))).toBe('image/webp');
    expect(sniffImageMime(Buffer.from('RIFF\x10\x00\x00\x00WAVEfmt ', 'latin1'))).toBeNull();
    expect(sniffImageMime(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg">'))).toBeNull();
    expect(sniffImageMime(Buffer.from([0x89, 0x50]))).toBeNull();
  });

  it('never lets a declared type claim to be an image', () => {
    expect(cleanDeclaredMime('application/pdf')).toBe('application/pdf');
    expect(cleanDeclaredMime('image/png')).toBe('application/octet-stream');
    expect(cleanDeclaredMime('text/html; charset=utf-8')).toBe('application/octet-stream');
    expect(cleanDeclaredMime(undefined)).toBe('application/octet-stream');
  });

  it('keeps Chinese names and drops directories, control and direction characters', () => {
    expect(cleanFileName('报价单.txt')).toBe('报价单.txt');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('C:\\Users\\张三\\合同.pdf')).toBe('合同.pdf');
    expect(cleanFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(cleanFileName('a\u0000b\nc.txt')).toBe('abc.txt');
    expect(cleanFileName('..')).toBe('file');
    expect(cleanFileName('')).toBe('file');
    expect([...cleanFileName('长'.repeat(300))]).toHaveLength(200);
  });

  it('writes an RFC 5987 file name with an ASCII fallback', () => {
    expect(contentDisposition('attachment', '报价单 (1).txt')).toBe(
      `attachment; filename="___ (1).txt"; filename*=UTF-8''%E6%8A%A5%E4%BB%B7%E5%8D%95%20%281%29.txt`,
    );
    expect(contentDisposition('inline', 'a"b.png')).toBe(`inline; filename="a_b.png"; filename*=UTF-8''a%22b.png`);
  });
});
