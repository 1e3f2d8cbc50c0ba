/**
 * Replaces a member's roles. Only owners give or take the owner role, the org always keeps an
 * active owner, and nobody gives or takes a role carrying permissions they do not hold.
 */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { assertMay } from '../../../authz/may.js';
import { conflict, notFound } from '../../../platform/errors.js';
import { recordAudit } from '../../audit/record.js';
import { countActiveOwners, findRoles, type RoleView, rolesOfMember } from '../queries.js';
import { assertCanGrant, assertOwnerActor, memberInViewReach } from '../rules.js';
import { memberRolesSnapshot } from '../snapshot.js';

export async function setMemberRoles(
  ctx: Ctx,
  actor: Actor,
  memberId: string,
  input: { roleIds: readonly string[] },
): Promise<RoleView[]> {
  const member = await memberInViewReach(ctx, actor, memberId);
  await assertMay(ctx, actor, 'role.manage', { kind: 'member', id: member.id, departmentIds: member.departmentIds });
  const wanted = [...new Set(input.roleIds)];
  const roles = await findRoles(ctx.db, actor.orgId, wanted);
  if (roles.length !== wanted.length) throw notFound('role');

  const current = await rolesOfMember(ctx.db, actor.orgId, member.id);
  const currentIds = new Set(current.map((r) => r.id));
  const wantedIds = new Set(wanted);
  const added = roles.filter((r) => !currentIds.has(r.id));
  const removed = current.filter((r) => !wantedIds.has(r.id));
  if (added.length === 0 && removed.length === 0) return current;

  const target = { type: 'member', id: member.id, label: member.name };
  const touchesOwner = [...added, ...removed].some((r) => r.builtinKey === 'owner');
  if (touchesOwner) await assertOwnerActor(ctx, actor);
  for (const role of [...added, ...removed]) {
    await assertCanGrant(ctx, actor, role.permissions, role.dataScope, target);
  }

  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    if (touchesOwner && ctx.dialect === 'postgres') {
      // Serialises owner changes so two concurrent removals cannot leave the org ownerless.
      await tx
        .selectFrom('roles')
        .select('id')
        .where('org_id', '=', actor.orgId)
        .where('builtin_key', '=', 'owner')
        .forUpdate()
        .execute();
    }
    await tx.deleteFrom('member_roles').where('org_id', '=', actor.orgId).where('member_id', '=', member.id).execute();
    if (wanted.length > 0) {
      await tx
        .insertInto('member_roles')
        .values(wanted.map((roleId) => ({ org_id: actor.orgId, member_id: member.id, role_id: roleId })))
        .execute();
    }
    if (touchesOwner && (await countActiveOwners(tx, actor.orgId)) < 1) {
      throw conflict('The org must keep at least one active owner');
    }
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: 'member.roles_changed',
      target,
      before: memberRolesSnapshot(current),
      after: memberRolesSnapshot(roles),
    });
  });
  ctx.bus.emit({
    type: 'member.roles_changed',
    orgId: actor.orgId,
    at: now,
    actorId: actor.memberId,
    data: { memberId: member.id, added: added.map((r) => r.id), removed: removed.map((r) => r.id) },
  });
  return rolesOfMember(ctx.db, actor.orgId, member.id);
}
