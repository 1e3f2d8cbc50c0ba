/**
 * Checks every row of a customer import and reports every problem with its line, so the whole
 * file can be fixed at once. Pure: what it needs from the store arrives in `RowContext`.
 */
import { hasControlCharacters, normalizeEmail, normalizeMobile } from '../../directory/index.js';
import { checkValue, type FieldDef, type FieldValues } from '../custom-fields.js';
import { CUSTOMER_NAME_MAX, type Gender, TEXT_FIELDS, type TextField } from '../rules.js';
import { type ColumnMap, cellAt, type ImportField } from './columns.js';

export type RowError = { line: number; field: string; reason: string; message: string };
export type Resolved = { id: string } | { reason: 'not_found' | 'ambiguous' | 'outside_scope' };

export type RowContext = {
  fields: readonly FieldDef[];
  resolveTag: (text: string) => Resolved;
  resolveStage: (text: string) => Resolved;
  resolveOwner: (text: string) => Resolved;
  /** Mobiles and emails existing customers have (empty when duplicates are allowed). */
  existingMobiles: ReadonlySet<string>;
  existingEmails: ReadonlySet<string>;
};

export type ValidRow = {
  line: number;
  name: string;
  company: string | null;
  title: string | null;
  mobile: string | null;
  email: string | null;
  gender: Gender;
  region: string | null;
  remark: string | null;
  tagIds: string[];
  stageId: string | null;
  ownerId: string | null;
  customFields: FieldValues;
};

const GENDER_WORDS: Record<string, Gender> = {
  男: 'male',
  女: 'female',
  未知: 'unknown',
  male: 'male',
  female: 'female',
  unknown: 'unknown',
  m: 'male',
  f: 'female',
};

const MESSAGES: Record<string, string> = {
  required: 'This field is required',
  too_long: 'The text is too long',
  control_characters: 'The text contains control characters',
  invalid_format: 'The value is not in a valid format',
  not_an_option: 'The value is not one of the field’s options',
  duplicate_in_file: 'The same value appears on an earlier line of the file',
  duplicate_customer: 'An existing customer already has this value',
  not_found: 'Nothing matches this value',
  ambiguous: 'Several match this value; be more specific',
  outside_scope: 'You may not give customers to this member',
};

/** Tags in one cell, separated by commas (either width), 、, semicolons or |. */
export const splitTags = (text: string) =>
  text
    .split(/[,，、;；|]/)
    .map((t) => t.trim())
    .filter(Boolean);

export function validateRows(
  table: readonly { line: number; cells: string[] }[],
  columns: ColumnMap,
  ctx: RowContext,
): { rows: ValidRow[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const rows: ValidRow[] = [];
  const mobileLine = new Map<string, number>();
  const emailLine = new Map<string, number>();

  for (const { line, cells } of table) {
    const before = errors.length;
    const fail = (field: string, reason: string, message?: string) =>
      errors.push({ line, field, reason, message: message ?? MESSAGES[reason] ?? reason });
    const cell = (field: ImportField) => cellAt(cells, columns.base[field]);

    const name = cell('name');
    if (!name) fail('name', 'required');
    else if ([...name].length > CUSTOMER_NAME_MAX) fail('name', 'too_long');
    else if (hasControlCharacters(name)) fail('name', 'control_characters');

    const text: Record<TextField, string | null> = { company: null, title: null, region: null, remark: null };
    for (const field of Object.keys(TEXT_FIELDS) as TextField[]) {
      const value = cell(field);
      if ([...value].length > TEXT_FIELDS[field]) fail(field, 'too_long');
      else if (hasControlCharacters(value, field === 'remark')) fail(field, 'control_characters');
      else text[field] = value || null;
    }

    const contact = (field: 'mobile' | 'email', seen: Map<string, number>, existing: ReadonlySet<string>) => {
      const raw = cell(field);
      if (!raw) return null;
      const value = field === 'mobile' ? normalizeMobile(raw) : normalizeEmail(raw);
      if (!value) {
        fail(field, 'invalid_format', field === 'mobile' ? 'The mobile number is not valid' : 'The email is not valid');
        return null;
      }
      const earlier = seen.get(value);
      if (earlier !== undefined) fail(field, 'duplicate_in_file', `The same ${field} is on line ${earlier}`);
      else seen.set(value, line);
      if (existing.has(value)) fail(field, 'duplicate_customer');
      return value;
    };
    const mobile = contact('mobile', mobileLine, ctx.existingMobiles);
    const email = contact('email', emailLine, ctx.existingEmails);

    const genderText = cell('gender').toLowerCase();
    const gender = genderText ? GENDER_WORDS[genderText] : 'unknown';
    if (!gender) fail('gender', 'invalid_format', 'The gender must be 男, 女 or 未知');

    const tagIds: string[] = [];
    for (const tag of splitTags(cell('tags'))) {
      const found = ctx.resolveTag(tag);
      if ('reason' in found) fail('tags', found.reason, `${MESSAGES[found.reason]}: ${tag}`);
      else if (!tagIds.includes(found.id)) tagIds.push(found.id);
    }
    const resolveOne = (field: 'stage' | 'owner', resolve: (text: string) => Resolved) => {
      const value = cell(field);
      if (!value) return null;
      const found = resolve(value);
      if ('reason' in found) {
        fail(field, found.reason);
        return null;
      }
      return found.id;
    };
    const stageId = resolveOne('stage', ctx.resolveStage);
    const ownerId = resolveOne('owner', ctx.resolveOwner);

    const customFields: FieldValues = {};
    for (const def of ctx.fields) {
      const value = cellAt(cells, columns.custom.get(def.id));
      if (!value) {
        if (def.required) fail(def.name, 'required');
        continue;
      }
      const checked = checkValue(def, value);
      if ('reason' in checked) fail(def.name, checked.reason);
      else customFields[def.id] = checked.value;
    }

    if (errors.length === before) {
      rows.push({
        line,
        name,
        ...text,
        mobile,
        email,
        gender: gender ?? 'unknown',
        tagIds,
        stageId,
        ownerId,
        customFields,
      });
    }
  }
  return { rows, errors };
}
