/**
 * The row of a newly created member, with the derived pinyin keys and the defaults every new
 * member starts with; used by every path that creates members (form, import, org setup, demo).
 */
import type { MemberTable } from '../../platform/db/schema.js';
import { pinyinKeys } from '../../platform/text/pinyin.js';

export type NewMember = {
  id: string;
  orgId: string;
  name: string;
  primaryDepartmentId: string;
  /** ISO time of creation. */
  now: string;
  title?: string | null;
  mobile?: string | null;
  email?: string | null;
  supervisorId?: string | null;
  joinedOn?: string | null;
  passwordHash?: string | null;
  /** Staff by default; guests are created only by joining an external group. */
  kind?: 'staff' | 'guest';
};

export function newMemberRow(member: NewMember): MemberTable {
  const keys = pinyinKeys(member.name);
  return {
    id: member.id,
    org_id: member.orgId,
    kind: member.kind ?? 'staff',
    name: member.name,
    name_pinyin: keys.pinyin,
    name_initials: keys.initials,
    title: member.title ?? null,
    mobile: member.mobile ?? null,
    email: member.email ?? null,
    primary_department_id: member.primaryDepartmentId,
    supervisor_id: member.supervisorId ?? null,
    status: 'active',
    joined_on: member.joinedOn ?? null,
    password_hash: member.passwordHash ?? null,
    totp_secret: null,
    totp_enabled: 0,
    totp_last_step: 0,
    created_at: member.now,
    updated_at: member.now,
    disabled_at: null,
    departed_at: null,
  };
}
