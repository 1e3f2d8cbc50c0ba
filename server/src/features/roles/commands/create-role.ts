/** Creates a custom role; the actor may only put in it what they hold themselves. */
import type { DataScope, Permission } from '@concord/protocol';
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { assertMay } from '../../../authz/may.js';
import { conflict, invalid, notFound } from '../../../platform/errors.js';
import { recordAudit } from '../../audit/record.js';
import { findRole, findRoleByName, type RoleView } from '../queries.js';
import { assertCanGrant } from '../rules.js';
import { roleSnapshot } from '../snapshot.js';

export type CreateRoleInput = {
  name: string;
  description?: string | undefined;
  dataScope: DataScope;
  permissions: readonly Permission[];
  requireTotp?: boolean | undefined;
};

export async function createRole(ctx: Ctx, actor: Actor, input: CreateRoleInput): Promise<RoleView> {
  await assertMay(ctx, actor, 'role.manage');
  const name = input.name.trim();
  if (!name) throw invalid('The role name must not be blank', { field: 'name' });
  const permissions = [...new Set(input.permissions)];
  await assertCanGrant(ctx, actor, permissions, input.dataScope);

  const id = ctx.ids.next();
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    if (await findRoleByName(tx, actor.orgId, name)) {
      throw conflict('A role with this name already exists', { field: 'name' });
    }
    await tx
      .insertInto('roles')
      .values({
        id,
        org_id: actor.orgId,
        builtin_key: null,
        name,
        description: input.description?.trim() ?? '',
        data_scope: input.dataScope,
        require_totp: input.requireTotp ? 1 : 0,
        created_at: now,
        updated_at: now,
      })
      .execute();
    if (permissions.length > 0) {
      await tx
        .insertInto('role_permissions')
        .values(permissions.map((permission) => ({ org_id: actor.orgId, role_id: id, permission })))
        .execute();
    }
    const created = await findRole(tx, actor.orgId, id);
    if (!created) throw notFound('role');
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: 'role.created',
      target: { type: 'role', id, label: name },
      after: roleSnapshot(created),
    });
  });
  ctx.bus.emit({ type: 'role.created', orgId: actor.orgId, at: now, actorId: actor.memberId, data: { roleId: id } });
  const role = await findRole(ctx.db, actor.orgId, id);
  if (!role) throw notFound('role');
  return role;
}
