/**
 * Changes a role's name, description, scope, permissions or two-factor requirement. The
 * owner role keeps every permission; nobody edits a role beyond what they hold themselves.
 */
import type { DataScope, Permission } from '@concord/protocol';
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { assertMay } from '../../../authz/may.js';
import { conflict, invalid, notFound } from '../../../platform/errors.js';
import { recordAudit } from '../../audit/record.js';
import { findRole, findRoleByName, type RoleView } from '../queries.js';
import { assertCanGrant, assertOwnerActor } from '../rules.js';
import { roleSnapshot } from '../snapshot.js';

export type UpdateRoleInput = {
  name?: string | undefined;
  description?: string | undefined;
  dataScope?: DataScope | undefined;
  permissions?: readonly Permission[] | undefined;
  requireTotp?: boolean | undefined;
};

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && new Set([...a, ...b]).size === a.length;

export async function updateRole(ctx: Ctx, actor: Actor, roleId: string, input: UpdateRoleInput): Promise<RoleView> {
  await assertMay(ctx, actor, 'role.manage');
  const before = await findRole(ctx.db, actor.orgId, roleId);
  if (!before) throw notFound('role');
  const target = { type: 'role', id: before.id, label: before.name };

  const name = input.name === undefined ? before.name : input.name.trim();
  if (!name) throw invalid('The role name must not be blank', { field: 'name' });
  const permissions = input.permissions ? [...new Set(input.permissions)] : before.permissions;
  const dataScope = input.dataScope ?? before.dataScope;
  const permissionsChanged = !sameSet(permissions, before.permissions);

  if (before.builtinKey === 'owner') {
    await assertOwnerActor(ctx, actor);
    if (permissionsChanged || dataScope !== before.dataScope) {
      throw conflict('The owner role always holds every permission across the org', { field: 'permissions' });
    }
  }
  // Neither a role stronger than oneself nor one made stronger than oneself may be edited.
  await assertCanGrant(ctx, actor, before.permissions, before.dataScope, target);
  await assertCanGrant(ctx, actor, permissions, dataScope, target);

  const description = input.description === undefined ? before.description : input.description.trim();
  const requireTotp = input.requireTotp ?? before.requireTotp;
  const changed =
    permissionsChanged ||
    name !== before.name ||
    description !== before.description ||
    dataScope !== before.dataScope ||
    requireTotp !== before.requireTotp;
  if (!changed) return before;

  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    if (name !== before.name) {
      const clash = await findRoleByName(tx, actor.orgId, name);
      if (clash && clash.id !== before.id) throw conflict('A role with this name already exists', { field: 'name' });
    }
    await tx
      .updateTable('roles')
      .set({ name, description, data_scope: dataScope, require_totp: requireTotp ? 1 : 0, updated_at: now })
      .where('org_id', '=', actor.orgId)
      .where('id', '=', before.id)
      .execute();
    if (permissionsChanged) {
      await tx
        .deleteFrom('role_permissions')
        .where('org_id', '=', actor.orgId)
        .where('role_id', '=', before.id)
        .execute();
      if (permissions.length > 0) {
        await tx
          .insertInto('role_permissions')
          .values(permissions.map((permission) => ({ org_id: actor.orgId, role_id: before.id, permission })))
          .execute();
      }
    }
    const after = await findRole(tx, actor.orgId, before.id);
    if (!after) throw notFound('role');
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: 'role.updated',
      target: { ...target, label: name },
      before: roleSnapshot(before),
      after: roleSnapshot(after),
    });
  });
  ctx.bus.emit({
    type: 'role.updated',
    orgId: actor.orgId,
    at: now,
    actorId: actor.memberId,
    data: { roleId: before.id },
  });
  const role = await findRole(ctx.db, actor.orgId, before.id);
  if (!role) throw notFound('role');
  return role;
}
