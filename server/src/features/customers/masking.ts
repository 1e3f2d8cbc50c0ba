/**
 * Masking of customer contacts for viewers without `customer.view_contact`: enough to tell two
 * customers apart (138****5678, a***@example.com), never enough to call or write to them.
 */

/** 13812345678 → 138****5678; short numbers keep only their first and last character. */
export function maskMobile(mobile: string): string {
  const chars = [...mobile];
  if (chars.length >= 8) return `${chars.slice(0, 3).join('')}****${chars.slice(-4).join('')}`;
  if (chars.length > 2) return `${chars[0]}****${chars[chars.length - 1]}`;
  return '****';
}

/** alice@example.com → a***@example.com; the domain stays readable. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  const local = [...email.slice(0, at)];
  return `${local[0]}***${email.slice(at)}`;
}

/** A contact as this viewer may see it. */
export function contactFor(value: string | null, visible: boolean, mask: (v: string) => string): string | null {
  if (value === null) return null;
  return visible ? value : mask(value);
}
