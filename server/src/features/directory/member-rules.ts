/** Rules for a member's contact fields, dates and supervisor, shared by edits and the import. */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';

const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;
const INTERNATIONAL_MOBILE = /^\+\d{6,15}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** True when the text holds a C0 control character or DEL (tab, newline and CR allowed when `allowLineBreaks`). */
export function hasControlCharacters(text: string, allowLineBreaks = false): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (allowLineBreaks && (code === 9 || code === 10 || code === 13)) continue;
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** A mobile number without spaces or dashes, or null when it is not a valid number. */
export function normalizeMobile(raw: string): string | null {
  const mobile = raw.trim().replace(/[\s-]/g, '');
  return MAINLAND_MOBILE.test(mobile) || INTERNATIONAL_MOBILE.test(mobile) ? mobile : null;
}

/** A lowercased email, or null when it is not a valid address. */
export function normalizeEmail(raw: string): string | null {
  const email = raw.trim().toLowerCase();
  return email.length <= 254 && EMAIL.test(email) ? email : null;
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** Normalises optional contact input: undefined stays "unchanged", null or "" clears. */
export function contactInput(field: 'email' | 'mobile', value: string | null | undefined): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null || value.trim() === '') return null;
  const normalized = field === 'email' ? normalizeEmail(value) : normalizeMobile(value);
  if (!normalized) {
    throw invalid(field === 'email' ? 'The email is not a valid address' : 'The mobile number is not valid', {
      field,
    });
  }
  return normalized;
}

export function dateInput(field: string, value: string | null | undefined): string | null | undefined {
  if (value === undefined || value === null) return value;
  if (!isCalendarDate(value)) throw invalid('The date is not a real calendar date', { field });
  return value;
}

/** Email and mobile sign in, so each names one account on the whole server: 409 naming the field. */
export async function assertContactsFree(
  db: Kysely<Database>,
  contacts: { email?: string | null | undefined; mobile?: string | null | undefined },
  exceptMemberId: string | null,
): Promise<void> {
  for (const field of ['email', 'mobile'] as const) {
    const value = contacts[field];
    if (!value) continue;
    let query = db.selectFrom('members').select('id').where(field, '=', value);
    if (exceptMemberId) query = query.where('id', '!=', exceptMemberId);
    if (await query.executeTakeFirst()) {
      throw conflict(`This ${field} is already used by another account`, { field });
    }
  }
}

/**
 * The supervisor must be another member of the org, and the chain above them must not lead
 * back to the member (no cycles).
 */
export async function assertSupervisorAllowed(
  db: Kysely<Database>,
  orgId: string,
  memberId: string | null,
  supervisorId: string,
): Promise<void> {
  if (memberId && supervisorId === memberId) {
    throw invalid('A member cannot be their own supervisor', { field: 'supervisorId', reason: 'self' });
  }
  const seen = new Set<string>();
  for (let cur: string | null = supervisorId; cur; ) {
    if (memberId && cur === memberId) {
      throw invalid('This supervisor would create a cycle in the reporting chain', {
        field: 'supervisorId',
        reason: 'cycle',
      });
    }
    if (seen.has(cur)) break;
    seen.add(cur);
    const row: { supervisor_id: string | null } | undefined = await db
      .selectFrom('members')
      .select('supervisor_id')
      .where('org_id', '=', orgId)
      .where('id', '=', cur)
      .where('kind', '=', 'staff')
      .executeTakeFirst();
    if (!row) {
      if (cur === supervisorId) throw notFound('supervisor', { field: 'supervisorId' });
      break;
    }
    cur = row.supervisor_id;
  }
}

/**
 * Turns a unique-index violation on email or mobile (two requests racing past the check) into
 * the same 409 the check gives; other errors pass through.
 */
export function contactClash(err: unknown): unknown {
  const text = err instanceof Error ? `${err.message} ${(err as { constraint?: string }).constraint ?? ''}` : '';
  const field = /members[._]email/.test(text) ? 'email' : /members[._]mobile/.test(text) ? 'mobile' : null;
  return field ? conflict(`This ${field} is already used by another account`, { field }) : err;
}

/** Writes the member's department rows: the primary plus extras. */
export async function writeMemberDepartments(
  db: Kysely<Database>,
  orgId: string,
  memberId: string,
  primaryId: string,
  extraIds: readonly string[],
): Promise<string[]> {
  const ids = [primaryId, ...new Set(extraIds.filter((id) => id !== primaryId))];
  await db.deleteFrom('member_departments').where('org_id', '=', orgId).where('member_id', '=', memberId).execute();
  await db
    .insertInto('member_departments')
    .values(
      ids.map((id, i) => ({ org_id: orgId, member_id: memberId, department_id: id, is_primary: i === 0 ? 1 : 0 })),
    )
    .execute();
  return ids;
}

/** The built-in `member` role every new member gets, so they can see the directory. */
export async function defaultRoleId(db: Kysely<Database>, orgId: string): Promise<string | null> {
  const row = await db
    .selectFrom('roles')
    .select('id')
    .where('org_id', '=', orgId)
    .where('builtin_key', '=', 'member')
    .executeTakeFirst();
  return row?.id ?? null;
}
