/**
 * Creates an org with its root department (named after the org), the built-in roles and an
 * owner who can sign in. All in one transaction: a failure leaves nothing behind.
 */
import type { Ctx } from '../../../app/context.js';
import { conflict, invalid } from '../../../platform/errors.js';
import { recordAudit } from '../../audit/record.js';
import { newMemberRow } from '../../directory/index.js';
import { assertAcceptablePassword, hashPassword } from '../../identity/passwords.js';
import { BUILTIN_ROLE_DEFINITIONS } from '../../roles/builtin-roles.js';

export type CreateOrgInput = {
  name: string;
  ownerName?: string | undefined;
  ownerEmail: string;
  ownerPassword: string;
};

export type CreatedOrg = { orgId: string; ownerId: string; rootDepartmentId: string; roleIds: Record<string, string> };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export async function createOrg(ctx: Ctx, input: CreateOrgInput): Promise<CreatedOrg> {
  const name = input.name.trim();
  const email = input.ownerEmail.trim().toLowerCase();
  const ownerName = (input.ownerName ?? '').trim() || email.split('@')[0] || email;
  if (!name || name.length > 100) throw invalid('The org name must have 1 to 100 characters', { field: 'name' });
  if (!EMAIL.test(email) || email.length > 254)
    throw invalid('The owner email is not a valid address', { field: 'ownerEmail' });
  assertAcceptablePassword(input.ownerPassword, [email]);
  const passwordHash = await hashPassword(input.ownerPassword, ctx.config.passwordHash);

  const now = ctx.clock.now().toISOString();
  const orgId = ctx.ids.next();
  const rootDepartmentId = ctx.ids.next();
  const ownerId = ctx.ids.next();
  const roleIds: Record<string, string> = {};

  await ctx.db.transaction().execute(async (tx) => {
    const taken = await tx.selectFrom('members').select('id').where('email', '=', email).executeTakeFirst();
    if (taken) throw conflict('This email already signs in to an account', { field: 'ownerEmail' });
    await tx.insertInto('orgs').values({ id: orgId, name, settings: '{}', created_at: now, updated_at: now }).execute();
    await tx
      .insertInto('departments')
      .values({
        id: rootDepartmentId,
        org_id: orgId,
        parent_id: null,
        name,
        sort_order: 0,
        created_at: now,
        updated_at: now,
      })
      .execute();
    for (const role of BUILTIN_ROLE_DEFINITIONS) {
      const roleId = ctx.ids.next();
      roleIds[role.key] = roleId;
      await tx
        .insertInto('roles')
        .values({
          id: roleId,
          org_id: orgId,
          builtin_key: role.key,
          name: role.name,
          description: role.description,
          data_scope: role.dataScope,
          require_totp: 0,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await tx
        .insertInto('role_permissions')
        .values(role.permissions.map((permission) => ({ org_id: orgId, role_id: roleId, permission })))
        .execute();
    }
    await tx
      .insertInto('members')
      .values(
        newMemberRow({
          id: ownerId,
          orgId,
          name: ownerName,
          email,
          primaryDepartmentId: rootDepartmentId,
          joinedOn: now.slice(0, 10),
          passwordHash,
          now,
        }),
      )
      .execute();
    await tx
      .insertInto('member_departments')
      .values({ org_id: orgId, member_id: ownerId, department_id: rootDepartmentId, is_primary: 1 })
      .execute();
    await tx
      .insertInto('member_roles')
      .values([
        { org_id: orgId, member_id: ownerId, role_id: roleIds.owner as string },
        { org_id: orgId, member_id: ownerId, role_id: roleIds.member as string },
      ])
      .execute();
    await recordAudit(ctx, tx, {
      orgId,
      who: { kind: 'system', memberId: null, name: 'concord', meta: { ip: null, userAgent: null, requestId: null } },
      action: 'org.created',
      target: { type: 'org', id: orgId, label: name },
      after: { name, ownerEmail: email },
    });
  });
  return { orgId, ownerId, rootDepartmentId, roleIds };
}
