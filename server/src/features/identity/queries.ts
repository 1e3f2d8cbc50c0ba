/** Reads for identity: members by login, profiles, sessions and API tokens; always by org. */
import type { Kysely } from 'kysely';
import type { Database, MemberTable } from '../../platform/db/schema.js';

export type MemberRow = Omit<MemberTable, 'name_pinyin' | 'name_initials'>;

const MEMBER_COLUMNS = [
  'id',
  'org_id',
  'kind',
  'name',
  'title',
  'mobile',
  'email',
  'primary_department_id',
  'supervisor_id',
  'status',
  'joined_on',
  'password_hash',
  'totp_secret',
  'totp_enabled',
  'totp_last_step',
  'created_at',
  'updated_at',
  'disabled_at',
  'departed_at',
] as const;

/** Mobile numbers may be stored with or without the +86 country code. */
function mobileCandidates(mobile: string): string[] {
  if (/^1\d{10}$/.test(mobile)) return [mobile, `+86${mobile}`];
  if (/^\+861\d{10}$/.test(mobile)) return [mobile, mobile.slice(3)];
  return [mobile];
}

/** The member a normalised login (email or mobile) names, in any org and any status. */
export async function findMemberByLogin(db: Kysely<Database>, login: string): Promise<MemberRow | undefined> {
  const query = db.selectFrom('members').select(MEMBER_COLUMNS);
  return login.includes('@')
    ? query.where('email', '=', login).executeTakeFirst()
    : query.where('mobile', 'in', mobileCandidates(login)).executeTakeFirst();
}

export async function findMember(
  db: Kysely<Database>,
  orgId: string,
  memberId: string,
): Promise<MemberRow | undefined> {
  return db
    .selectFrom('members')
    .select(MEMBER_COLUMNS)
    .where('org_id', '=', orgId)
    .where('id', '=', memberId)
    .executeTakeFirst();
}

/** Primary department first. */
export async function memberDepartmentIds(db: Kysely<Database>, orgId: string, memberId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('member_departments')
    .select(['department_id', 'is_primary'])
    .where('org_id', '=', orgId)
    .where('member_id', '=', memberId)
    .orderBy('is_primary', 'desc')
    .orderBy('department_id')
    .execute();
  return rows.map((r) => r.department_id);
}

export async function memberRoles(db: Kysely<Database>, orgId: string, memberId: string) {
  return db
    .selectFrom('member_roles')
    .innerJoin('roles', 'roles.id', 'member_roles.role_id')
    .select(['roles.id', 'roles.name', 'roles.builtin_key', 'roles.require_totp'])
    .where('member_roles.org_id', '=', orgId)
    .where('member_roles.member_id', '=', memberId)
    .orderBy('roles.name')
    .execute();
}

export async function findOrg(db: Kysely<Database>, orgId: string) {
  return db.selectFrom('orgs').select(['id', 'name', 'settings']).where('id', '=', orgId).executeTakeFirst();
}

/** Whether the org or one of the member's roles requires two-factor sign-in. */
export async function totpRequired(db: Kysely<Database>, orgId: string, memberId: string): Promise<boolean> {
  const [org, roles] = await Promise.all([findOrg(db, orgId), memberRoles(db, orgId, memberId)]);
  const settings = org ? (JSON.parse(org.settings) as { requireTotp?: boolean }) : {};
  return Boolean(settings.requireTotp) || roles.some((r) => r.require_totp === 1);
}

export async function listLiveSessions(db: Kysely<Database>, orgId: string, memberId: string, nowIso: string) {
  return db
    .selectFrom('sessions')
    .select(['id', 'created_at', 'last_seen_at', 'expires_at', 'ip', 'user_agent'])
    .where('org_id', '=', orgId)
    .where('member_id', '=', memberId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', nowIso)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export type SessionRow = Awaited<ReturnType<typeof listLiveSessions>>[number];

function apiTokenQuery(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom('api_tokens')
    .innerJoin('members', 'members.id', 'api_tokens.member_id')
    .select([
      'api_tokens.id',
      'api_tokens.name',
      'api_tokens.token_prefix',
      'api_tokens.scopes',
      'api_tokens.created_at',
      'api_tokens.last_used_at',
      'api_tokens.expires_at',
      'api_tokens.revoked_at',
      'api_tokens.member_id',
      'members.name as member_name',
    ])
    .where('api_tokens.org_id', '=', orgId);
}

export async function listApiTokens(db: Kysely<Database>, orgId: string) {
  return apiTokenQuery(db, orgId).orderBy('api_tokens.created_at', 'desc').orderBy('api_tokens.id', 'desc').execute();
}

export async function findApiToken(db: Kysely<Database>, orgId: string, id: string) {
  return apiTokenQuery(db, orgId).where('api_tokens.id', '=', id).executeTakeFirst();
}

export type ApiTokenRow = NonNullable<Awaited<ReturnType<typeof findApiToken>>>;
