/**
 * Just enough RFC 5322 / MIME to write one archived message as an .eml file: RFC 2047 encoded
 * words for non-ASCII header text (split on character boundaries, each word at most 75
 * characters, folded), mailboxes, the RFC 5322 date, and a base64 body wrapped at 76 columns.
 */

const CRLF = '\r\n';
/** Bytes per encoded word: base64 of 45 bytes is 60 characters, + "=?UTF-8?B?" and "?=" = 72. */
const WORD_BYTES = 45;

/** Header text: as is when plain printable ASCII, otherwise RFC 2047 B-encoded words. */
export function headerText(text: string): string {
  const clean = text.replace(/[\r\n]+/g, ' ');
  if (/^[\x20-\x7e]*$/.test(clean) && !clean.includes('=?')) return clean;
  const words: string[] = [];
  let chunk = '';
  for (const ch of clean) {
    if (Buffer.byteLength(chunk + ch, 'utf8') > WORD_BYTES) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join(`${CRLF} `);
}

/** A display name: plain when it is letters, digits and spaces, otherwise encoded. */
function displayName(name: string): string {
  if (/^[A-Za-z0-9 ]*$/.test(name)) return name;
  return headerText(name);
}

/** `Name <address>` with the name encoded when needed. */
export function mailbox(name: string, address: string): string {
  return name ? `${displayName(name)} <${address}>` : `<${address}>`;
}

/** RFC 5322 date-time in UTC, e.g. `Tue, 05 May 2026 09:30:00 +0000`. */
export function rfc5322Date(iso: string): string {
  return new Date(iso).toUTCString().replace(/GMT$/, '+0000');
}

/** A text/plain UTF-8 body, base64 in lines of 76 characters. */
export function base64Body(text: string): string {
  const encoded = Buffer.from(text.replace(/\r?\n/g, CRLF), 'utf8').toString('base64');
  return (encoded.match(/.{1,76}/g) ?? []).join(CRLF);
}

/** One message: headers (name, value already encoded) and a plain-text UTF-8 body. */
export function mimeMessage(headers: readonly [string, string][], body: string): string {
  const head = [
    ...headers.map(([name, value]) => `${name}: ${value}`),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
  ];
  return `${head.join(CRLF)}${CRLF}${CRLF}${base64Body(body)}${CRLF}`;
}
