/** Builders for test data: orgs, departments, members with roles, and signed-in sessions. */
import type { BuiltinRole } from '@concord/protocol';
import type { Ctx } from '../src/app/context.js';
import { newMemberRow } from '../src/features/directory/index.js';
import { hashPassword } from '../src/features/identity/passwords.js';
import { hashToken, newToken, SESSION_PREFIX } from '../src/features/identity/tokens.js';
import { createOrg } from '../src/features/org/commands/create-org.js';

export const TEST_PASSWORD = 'Concord-Test-2026!';

export type TestOrg = {
  orgId: string;
  ownerId: string;
  rootDepartmentId: string;
  roleIds: Record<string, string>;
  ownerEmail: string;
};

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function makeOrg(ctx: Ctx, name = '测试公司'): Promise<TestOrg> {
  const ownerEmail = `owner-${unique()}@example.com`;
  const created = await createOrg(ctx, { name, ownerName: '王老板', ownerEmail, ownerPassword: TEST_PASSWORD });
  return { ...created, ownerEmail };
}

export async function makeDepartment(ctx: Ctx, orgId: string, parentId: string, name: string): Promise<string> {
  const id = ctx.ids.next();
  const now = ctx.clock.now().toISOString();
  await ctx.db
    .insertInto('departments')
    .values({ id, org_id: orgId, parent_id: parentId, name, sort_order: 0, created_at: now, updated_at: now })
    .execute();
  return id;
}

export type MakeMemberInput = {
  orgId: string;
  departmentId: string;
  name?: string;
  roles?: BuiltinRole[];
  roleIds?: string[];
  email?: string;
  mobile?: string | null;
  password?: string;
  extraDepartmentIds?: string[];
};

/** An active member with a password; roles default to `member`. Returns the member id and email. */
export async function makeMember(
  ctx: Ctx,
  org: TestOrg,
  input: Omit<MakeMemberInput, 'orgId'>,
): Promise<{ id: string; email: string }> {
  const id = ctx.ids.next();
  const now = ctx.clock.now().toISOString();
  const name = input.name ?? '李四';
  const email = input.email ?? `m-${unique()}@example.com`;
  await ctx.db
    .insertInto('members')
    .values(
      newMemberRow({
        id,
        orgId: org.orgId,
        name,
        mobile: input.mobile ?? null,
        email,
        primaryDepartmentId: input.departmentId,
        joinedOn: now.slice(0, 10),
        passwordHash: await hashPassword(input.password ?? TEST_PASSWORD, ctx.config.passwordHash),
        now,
      }),
    )
    .execute();
  await ctx.db
    .insertInto('member_departments')
    .values([
      { org_id: org.orgId, member_id: id, department_id: input.departmentId, is_primary: 1 },
      ...(input.extraDepartmentIds ?? []).map((d) => ({
        org_id: org.orgId,
        member_id: id,
        department_id: d,
        is_primary: 0,
      })),
    ])
    .execute();
  const roleIds = [...(input.roles ?? ['member']).map((r) => org.roleIds[r] as string), ...(input.roleIds ?? [])];
  if (roleIds.length > 0) {
    await ctx.db
      .insertInto('member_roles')
      .values(roleIds.map((roleId) => ({ org_id: org.orgId, member_id: id, role_id: roleId })))
      .execute();
  }
  return { id, email };
}

/** A live session for the member, without going through sign-in; returns the bearer header. */
export async function sessionFor(
  ctx: Ctx,
  orgId: string,
  memberId: string,
): Promise<{ authorization: string; sessionId: string }> {
  const token = newToken(SESSION_PREFIX);
  const id = ctx.ids.next();
  const now = ctx.clock.now();
  await ctx.db
    .insertInto('sessions')
    .values({
      id,
      org_id: orgId,
      member_id: memberId,
      token_hash: hashToken(token),
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + 86_400_000).toISOString(),
      ip: '127.0.0.1',
      user_agent: 'test',
      revoked_at: null,
      revoked_reason: null,
    })
    .execute();
  return { authorization: `Bearer ${token}`, sessionId: id };
}
