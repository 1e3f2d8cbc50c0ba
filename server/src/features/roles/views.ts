/** Reads of roles with their access checks: listing needs member.view (or role.manage). */
import type { Ctx } from '../../app/context.js';
import type { Actor } from '../../authz/actor.js';
import { assertMay, may } from '../../authz/may.js';
import { notFound } from '../../platform/errors.js';
import { findRole, listRoles, type RoleView, rolesOfMember } from './queries.js';
import { memberInViewReach } from './rules.js';

async function assertMaySeeRoles(ctx: Ctx, actor: Actor): Promise<void> {
  if (await may(ctx, actor, 'role.manage')) return;
  await assertMay(ctx, actor, 'member.view');
}

export async function viewRoles(ctx: Ctx, actor: Actor): Promise<RoleView[]> {
  await assertMaySeeRoles(ctx, actor);
  return listRoles(ctx.db, actor.orgId);
}

export async function viewRole(ctx: Ctx, actor: Actor, roleId: string): Promise<RoleView> {
  await assertMaySeeRoles(ctx, actor);
  const role = await findRole(ctx.db, actor.orgId, roleId);
  if (!role) throw notFound('role');
  return role;
}

export async function viewMemberRoles(ctx: Ctx, actor: Actor, memberId: string): Promise<RoleView[]> {
  const member = await memberInViewReach(ctx, actor, memberId);
  return rolesOfMember(ctx.db, actor.orgId, member.id);
}
