/** Rules for a customer's own fields, shared by the form, the import and merging. */
import { invalid } from '../../platform/errors.js';
import { hasControlCharacters, normalizeEmail, normalizeMobile } from '../directory/index.js';

export const CUSTOMER_NAME_MAX = 64;
export const COMPANY_MAX = 100;
export const TITLE_MAX = 64;
export const REGION_MAX = 64;
export const REMARK_MAX = 1000;

export const GENDERS = ['unknown', 'male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];

/** Where a customer came from; `contact_link` is a member's contact-me link (联系我). */
export const SOURCES = ['manual', 'import', 'contact_link'] as const;
export type Source = (typeof SOURCES)[number];

/** The text fields of a customer besides the name, with their limits. */
export const TEXT_FIELDS = { company: COMPANY_MAX, title: TITLE_MAX, region: REGION_MAX, remark: REMARK_MAX } as const;
export type TextField = keyof typeof TEXT_FIELDS;

/** A trimmed name of 1–64 characters without control characters; 400 naming the field otherwise. */
export function cleanName(value: string): string {
  const name = value.trim();
  if (!name) throw invalid('The customer needs a name', { field: 'name', reason: 'required' });
  if ([...name].length > CUSTOMER_NAME_MAX)
    throw invalid('The name is too long', { field: 'name', reason: 'too_long' });
  if (hasControlCharacters(name)) throw invalid('The name contains control characters', { field: 'name' });
  return name;
}

/** An optional text field: undefined stays unchanged, null or blank clears. Remarks keep line breaks. */
export function cleanText(field: TextField, value: string | null | undefined): string | null | undefined {
  if (value === undefined) return undefined;
  const text = value?.trim() ?? '';
  if (!text) return null;
  if ([...text].length > TEXT_FIELDS[field]) throw invalid(`The ${field} is too long`, { field, reason: 'too_long' });
  if (hasControlCharacters(text, field === 'remark')) {
    throw invalid(`The ${field} contains control characters`, { field, reason: 'control_characters' });
  }
  return text;
}

/** A mobile or email as stored (normalised); undefined stays unchanged, null or blank clears. */
export function cleanContact(field: 'mobile' | 'email', value: string | null | undefined): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null || value.trim() === '') return null;
  const normalized = field === 'email' ? normalizeEmail(value) : normalizeMobile(value);
  if (!normalized) {
    throw invalid(field === 'email' ? 'The email is not a valid address' : 'The mobile number is not valid', {
      field,
      reason: 'invalid_format',
    });
  }
  return normalized;
}
