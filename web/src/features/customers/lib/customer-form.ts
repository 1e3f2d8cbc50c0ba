/**
 * Customer form values ⇄ API bodies: blanks become null (or are left out when adding), custom
 * fields keep their types, and an edit sends only what changed — so a masked mobile the viewer
 * did not touch is never sent back as if it were the number.
 */
import type { CreateCustomerBody, CustomerDetail, Field, UpdateCustomerBody } from '../api';

export type Gender = 'unknown' | 'male' | 'female';
export type FieldInput = string | number | null | undefined;

export type CustomerFormValues = {
  name: string;
  company?: string;
  title?: string;
  mobile?: string;
  email?: string;
  gender?: Gender;
  region?: string;
  remark?: string;
  ownerId?: string;
  stageId?: string;
  followerIds?: string[];
  tagIds?: string[];
  custom?: Record<string, FieldInput>;
};

const TEXTS = ['company', 'title', 'mobile', 'email', 'region', 'remark'] as const;

const clean = (text: string | undefined | null): string | null => {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

/** A custom field's input as the API wants it: numbers as numbers, blanks as null. */
export function fieldValue(field: Pick<Field, 'type'>, value: FieldInput): string | number | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const text = value.trim();
  if (!text) return null;
  if (field.type === 'number') {
    const n = Number(text);
    return Number.isFinite(n) ? n : text;
  }
  return text;
}

export function toCreateBody(values: CustomerFormValues, fields: readonly Field[]): CreateCustomerBody {
  const body: CreateCustomerBody = { name: values.name.trim() };
  for (const key of TEXTS) {
    const value = clean(values[key]);
    if (value !== null) body[key] = value;
  }
  if (values.gender && values.gender !== 'unknown') body.gender = values.gender;
  if (values.ownerId) body.ownerId = values.ownerId;
  if (values.stageId) body.stageId = values.stageId;
  if (values.followerIds?.length) body.followerIds = values.followerIds;
  if (values.tagIds?.length) body.tagIds = values.tagIds;
  const custom: Record<string, string | number> = {};
  for (const field of fields) {
    const value = fieldValue(field, values.custom?.[field.id]);
    if (value !== null) custom[field.id] = value;
  }
  if (Object.keys(custom).length > 0) body.customFields = custom;
  return body;
}

export function toFormValues(customer: CustomerDetail): CustomerFormValues {
  return {
    name: customer.name,
    company: customer.company ?? '',
    title: customer.title ?? '',
    mobile: customer.mobile ?? '',
    email: customer.email ?? '',
    gender: customer.gender,
    region: customer.region ?? '',
    remark: customer.remark ?? '',
    followerIds: customer.followerIds,
    tagIds: customer.tags.map((t) => t.id),
    custom: { ...customer.customFields },
  };
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** Only the fields that differ from the customer as loaded. */
export function changedFields(
  customer: CustomerDetail,
  values: CustomerFormValues,
  fields: readonly Field[],
): UpdateCustomerBody {
  const body: UpdateCustomerBody = {};
  const name = values.name.trim();
  if (name !== customer.name) body.name = name;
  for (const key of TEXTS) {
    const value = clean(values[key]);
    if (value !== customer[key]) body[key] = value;
  }
  if (values.gender && values.gender !== customer.gender) body.gender = values.gender;
  if (values.followerIds && !sameSet(values.followerIds, customer.followerIds)) body.followerIds = values.followerIds;
  const tagIds = customer.tags.map((t) => t.id);
  if (values.tagIds && !sameSet(values.tagIds, tagIds)) body.tagIds = values.tagIds;
  const custom: Record<string, string | number | null> = {};
  for (const field of fields) {
    const value = fieldValue(field, values.custom?.[field.id]);
    if (value !== (customer.customFields[field.id] ?? null)) custom[field.id] = value;
  }
  if (Object.keys(custom).length > 0) body.customFields = custom;
  return body;
}
