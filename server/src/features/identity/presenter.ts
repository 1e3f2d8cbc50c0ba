/** Identity rows → API shapes; the only place these response shapes are built. */
import type { DataScope, Permission } from '@concord/protocol';
import type { ApiTokenRow, MemberRow, SessionRow } from './queries.js';

export type MemberSummaryView = {
  id: string;
  orgId: string;
  name: string;
  email: string | null;
  mobile: string | null;
  title: string | null;
  status: string;
  primaryDepartmentId: string;
  departmentIds: string[];
};

export function presentMemberSummary(member: MemberRow, departmentIds: readonly string[]): MemberSummaryView {
  return {
    id: member.id,
    orgId: member.org_id,
    name: member.name,
    email: member.email,
    mobile: member.mobile,
    title: member.title,
    status: member.status,
    primaryDepartmentId: member.primary_department_id,
    departmentIds: [...departmentIds],
  };
}

export function presentPermissions(grants: ReadonlyMap<Permission, DataScope>): Record<string, string> {
  return Object.fromEntries([...grants.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

export function presentRole(role: { id: string; name: string; builtin_key: string | null }) {
  return { id: role.id, name: role.name, builtinKey: role.builtin_key };
}

export function presentSession(session: SessionRow, currentSessionId: string | null) {
  return {
    id: session.id,
    createdAt: session.created_at,
    lastSeenAt: session.last_seen_at,
    expiresAt: session.expires_at,
    ip: session.ip,
    userAgent: session.user_agent,
    current: session.id === currentSessionId,
  };
}

/** Never includes the token or its hash: the secret is shown once, at creation. */
export function presentApiToken(row: ApiTokenRow) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.token_prefix,
    scopes: JSON.parse(row.scopes) as string[],
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    createdBy: { id: row.member_id, name: row.member_name },
  };
}
