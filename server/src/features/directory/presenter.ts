/** Directory rows → API shapes (camelCase); also the audit snapshots, which never carry secrets. */
import type { MemberStatus } from '@concord/protocol';
import type { DepartmentRow, MemberRow } from './queries.js';
import type { DepartmentOut, MemberDetailOut, MemberOut } from './schemas.js';

export function presentDepartment(row: DepartmentRow, memberCount: number, headIds: readonly string[]): DepartmentOut {
  return {
    id: row.id,
    parentId: row.parent_id,
    name: row.name,
    sortOrder: row.sort_order,
    memberCount,
    headIds: [...headIds],
  };
}

export function presentMember(row: MemberRow, departmentIds: readonly string[]): MemberOut {
  const ids = [row.primary_department_id, ...departmentIds.filter((id) => id !== row.primary_department_id)];
  return {
    id: row.id,
    name: row.name,
    namePinyin: row.name_pinyin,
    title: row.title,
    mobile: row.mobile,
    email: row.email,
    primaryDepartmentId: row.primary_department_id,
    departmentIds: ids,
    supervisorId: row.supervisor_id,
    status: row.status as MemberStatus,
    joinedOn: row.joined_on,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    disabledAt: row.disabled_at,
    departedAt: row.departed_at,
  };
}

export type MemberDetailParts = {
  row: MemberRow;
  departments: { id: string; name: string }[];
  supervisor: { id: string; name: string } | null;
  roles: { id: string; name: string }[];
  headOf: string[];
};

export function presentMemberDetail(parts: MemberDetailParts): MemberDetailOut {
  const { row } = parts;
  return {
    ...presentMember(
      row,
      parts.departments.map((d) => d.id),
    ),
    departments: parts.departments.map((d) => ({ ...d, isPrimary: d.id === row.primary_department_id })),
    supervisor: parts.supervisor,
    roles: parts.roles,
    headOfDepartmentIds: parts.headOf,
    isDepartmentHead: parts.headOf.length > 0,
  };
}

/** What the audit log keeps of a member: the editable fields, no password hash or TOTP secret. */
export function memberAuditSnapshot(row: MemberRow, departmentIds: readonly string[]): Record<string, unknown> {
  return {
    name: row.name,
    title: row.title,
    mobile: row.mobile,
    email: row.email,
    primaryDepartmentId: row.primary_department_id,
    departmentIds: [...departmentIds],
    supervisorId: row.supervisor_id,
    status: row.status,
    joinedOn: row.joined_on,
  };
}

export function departmentAuditSnapshot(row: DepartmentRow, headIds?: readonly string[]): Record<string, unknown> {
  return {
    name: row.name,
    parentId: row.parent_id,
    sortOrder: row.sort_order,
    ...(headIds ? { headIds: [...headIds] } : {}),
  };
}
