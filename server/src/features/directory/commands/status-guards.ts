/** Guards for taking a member out of service: never oneself, never the org's last active owner. */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { conflict } from '../../../platform/errors.js';
import { assertManagesMember, loadVisibleMember, type VisibleMember } from '../access.js';
import { activeOwnerIds } from '../queries.js';

export async function loadMemberToRemove(ctx: Ctx, actor: Actor, id: string, verb: string): Promise<VisibleMember> {
  const member = await loadVisibleMember(ctx, actor, id);
  await assertManagesMember(ctx, actor, member);
  if (id === actor.memberId) throw conflict(`You cannot ${verb} yourself`);
  const owners = await activeOwnerIds(ctx.db, actor.orgId);
  if (owners.includes(id) && owners.length === 1) {
    throw conflict(`The org's last active owner cannot be ${verb}d; make another member owner first`);
  }
  return member;
}
