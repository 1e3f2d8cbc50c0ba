/**
 * Who is acting: loaded fresh from the store on every request, so a change to roles, scopes,
 * department or status takes effect on the very next request.
 */
import type { DataScope, Permission } from '@concord/protocol';
import { PERMISSIONS, SCOPE_RANK } from '@concord/protocol';
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.js';

/** Where a request came from; every audit entry carries it. */
export type RequestMeta = { ip: string | null; userAgent: string | null; requestId: string | null };

export type Actor = {
  /** `guest`: an external participant, signed in to the one external group they joined. */
  kind: 'member' | 'api_token' | 'guest';
  orgId: string;
  memberId: string;
  name: string;
  /** Primary and extra departments. */
  departmentIds: readonly string[];
  /** Each permission held, with the widest data scope any of the member's roles gives it. */
  grants: ReadonlyMap<Permission, DataScope>;
  sessionId: string | null;
  apiTokenId: string | null;
  /** Two-factor is required for this member but not set up yet: only setup routes are open. */
  totpSetupRequired: boolean;
  meta: RequestMeta;
};

export type ActorSource = {
  kind: 'member' | 'api_token';
  sessionId?: string | null;
  apiTokenId?: string | null;
  /** For API tokens: the token's scopes; the actor holds only those its creator also holds. */
  scopes?: readonly Permission[];
};

const PERMISSION_SET = new Set<string>(PERMISSIONS);

/** A guest holds no permissions: only routes open to guests, and only their group, are reachable. */
function guestActor(
  orgId: string,
  member: { id: string; name: string },
  source: ActorSource,
  meta: RequestMeta,
): Actor | null {
  if (source.kind !== 'member') return null;
  return {
    kind: 'guest',
    orgId,
    memberId: member.id,
    name: member.name,
    departmentIds: [],
    grants: new Map(),
    sessionId: source.sessionId ?? null,
    apiTokenId: null,
    totpSetupRequired: false,
    meta,
  };
}

/** Builds the actor for an active member; null when the member is missing or not active. */
export async function loadActor(
  db: Kysely<Database>,
  orgId: string,
  memberId: string,
  source: ActorSource,
  meta: RequestMeta,
): Promise<Actor | null> {
  const member = await db
    .selectFrom('members')
    .select(['id', 'name', 'status', 'totp_enabled', 'kind'])
    .where('org_id', '=', orgId)
    .where('id', '=', memberId)
    .executeTakeFirst();
  if (member?.status !== 'active') return null;
  if (member.kind === 'guest') return guestActor(orgId, member, source, meta);

  const [departments, roleRows, org] = await Promise.all([
    db
      .selectFrom('member_departments')
      .select('department_id')
      .where('org_id', '=', orgId)
      .where('member_id', '=', memberId)
      .execute(),
    db
      .selectFrom('member_roles')
      .innerJoin('roles', 'roles.id', 'member_roles.role_id')
      .leftJoin('role_permissions', 'role_permissions.role_id', 'roles.id')
      .select(['roles.data_scope', 'roles.require_totp', 'role_permissions.permission'])
      .where('member_roles.org_id', '=', orgId)
      .where('member_roles.member_id', '=', memberId)
      .execute(),
    db.selectFrom('orgs').select('settings').where('id', '=', orgId).executeTakeFirst(),
  ]);

  const grants = new Map<Permission, DataScope>();
  let roleRequiresTotp = false;
  for (const row of roleRows) {
    if (row.require_totp) roleRequiresTotp = true;
    if (!row.permission || !PERMISSION_SET.has(row.permission)) continue;
    const permission = row.permission as Permission;
    const scope = row.data_scope as DataScope;
    const held = grants.get(permission);
    if (!held || SCOPE_RANK[scope] > SCOPE_RANK[held]) grants.set(permission, scope);
  }
  if (source.scopes) {
    const allowed = new Set(source.scopes);
    for (const permission of [...grants.keys()]) if (!allowed.has(permission)) grants.delete(permission);
  }

  const orgRequiresTotp = Boolean(org && (JSON.parse(org.settings) as { requireTotp?: boolean }).requireTotp);
  return {
    kind: source.kind,
    orgId,
    memberId,
    name: member.name,
    departmentIds: departments.map((d) => d.department_id),
    grants,
    sessionId: source.sessionId ?? null,
    apiTokenId: source.apiTokenId ?? null,
    totpSetupRequired: source.kind === 'member' && (orgRequiresTotp || roleRequiresTotp) && member.totp_enabled === 0,
    meta,
  };
}
