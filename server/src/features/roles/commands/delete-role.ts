/** Deletes a custom role that no member holds; built-in roles stay. */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { assertMay } from '../../../authz/may.js';
import { conflict, notFound } from '../../../platform/errors.js';
import { recordAudit } from '../../audit/record.js';
import { findRole } from '../queries.js';
import { assertCanGrant } from '../rules.js';
import { roleSnapshot } from '../snapshot.js';

export async function deleteRole(ctx: Ctx, actor: Actor, roleId: string): Promise<void> {
  await assertMay(ctx, actor, 'role.manage');
  const role = await findRole(ctx.db, actor.orgId, roleId);
  if (!role) throw notFound('role');
  if (role.builtinKey) throw conflict('Built-in roles cannot be deleted', { builtinKey: role.builtinKey });
  await assertCanGrant(ctx, actor, role.permissions, role.dataScope, { type: 'role', id: role.id, label: role.name });

  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    const held = await tx
      .selectFrom('member_roles')
      .select(tx.fn.countAll().as('n'))
      .where('org_id', '=', actor.orgId)
      .where('role_id', '=', role.id)
      .executeTakeFirst();
    const holders = Number(held?.n ?? 0);
    if (holders > 0) throw conflict('Members still hold this role; remove it from them first', { holders });
    await tx.deleteFrom('role_permissions').where('org_id', '=', actor.orgId).where('role_id', '=', role.id).execute();
    await tx.deleteFrom('roles').where('org_id', '=', actor.orgId).where('id', '=', role.id).execute();
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: 'role.deleted',
      target: { type: 'role', id: role.id, label: role.name },
      before: roleSnapshot(role),
    });
  });
  ctx.bus.emit({
    type: 'role.deleted',
    orgId: actor.orgId,
    at: now,
    actorId: actor.memberId,
    data: { roleId: role.id },
  });
}
