/**
 * Custom fields an org defines for its customers (text, number, date, select) and the checks a
 * value must pass. Values are stored as one JSON object per customer, keyed by field id.
 */
import { invalid } from '../../platform/errors.js';
import { hasControlCharacters, isCalendarDate } from '../directory/index.js';
import type { FieldRow } from './queries.js';

export const FIELD_TYPES = ['text', 'number', 'date', 'select'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];
export const FIELD_TEXT_MAX = 500;

export type FieldDef = { id: string; name: string; type: FieldType; options: string[]; required: boolean };
export type FieldValue = string | number;
export type FieldValues = Record<string, FieldValue>;

export function fieldDef(row: FieldRow): FieldDef {
  return {
    id: row.id,
    name: row.name,
    type: row.type as FieldType,
    options: JSON.parse(row.options) as string[],
    required: row.required === 1,
  };
}

/** Stored values, keeping only fields that still exist. */
export function storedValues(json: string, defs: readonly FieldDef[]): FieldValues {
  const raw = JSON.parse(json) as Record<string, unknown>;
  const out: FieldValues = {};
  for (const def of defs) {
    const value = raw[def.id];
    if (typeof value === 'string' || typeof value === 'number') out[def.id] = value;
  }
  return out;
}

/** One value checked against its field; a reason code when it does not fit, else the value to store. */
export function checkValue(def: FieldDef, value: unknown): { value: FieldValue } | { reason: string } {
  switch (def.type) {
    case 'number': {
      const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : Number.NaN;
      if (typeof value === 'string' && value.trim() === '') return { reason: 'invalid_format' };
      return Number.isFinite(n) ? { value: n } : { reason: 'invalid_format' };
    }
    case 'date':
      return typeof value === 'string' && isCalendarDate(value.trim())
        ? { value: value.trim() }
        : { reason: 'invalid_format' };
    case 'select':
      return typeof value === 'string' && def.options.includes(value.trim())
        ? { value: value.trim() }
        : { reason: 'not_an_option' };
    default: {
      if (typeof value !== 'string') return { reason: 'invalid_format' };
      const text = value.trim();
      if ([...text].length > FIELD_TEXT_MAX) return { reason: 'too_long' };
      if (hasControlCharacters(text, true)) return { reason: 'control_characters' };
      return { value: text };
    }
  }
}

/**
 * Applies changes (field id → value; null or '' clears) to the current values and checks the
 * result: unknown fields, values that do not fit and missing required fields are 400s naming the
 * field. `requireAll` (new customers) asks for every required field; an edit only may not clear one,
 * so customers added before a field became required stay editable.
 */
export function applyFieldValues(
  defs: readonly FieldDef[],
  current: FieldValues,
  changes: Readonly<Record<string, unknown>> | undefined,
  requireAll: boolean,
): FieldValues {
  const byId = new Map(defs.map((d) => [d.id, d]));
  const out: FieldValues = { ...current };
  for (const [id, value] of Object.entries(changes ?? {})) {
    const def = byId.get(id);
    if (!def) throw invalid('There is no such custom field', { field: `customFields.${id}`, reason: 'unknown_field' });
    if (value === null || value === '') {
      delete out[id];
      continue;
    }
    const checked = checkValue(def, value);
    if ('reason' in checked) {
      throw invalid(`The value does not fit the field "${def.name}"`, {
        field: `customFields.${id}`,
        reason: checked.reason,
      });
    }
    out[id] = checked.value;
  }
  for (const def of defs) {
    const asked = requireAll || (changes !== undefined && def.id in changes);
    if (def.required && asked && out[def.id] === undefined) {
      throw invalid(`The field "${def.name}" is required`, { field: `customFields.${def.id}`, reason: 'required' });
    }
  }
  return out;
}
