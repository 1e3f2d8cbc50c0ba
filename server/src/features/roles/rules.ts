/**
 * Rules shared by the role commands: nobody hands out (or takes back) more than they hold,
 * only owners touch the owner role, and members outside one's view are invisible.
 */
import type { DataScope, Permission } from '@concord/protocol';
import { SCOPE_RANK } from '@concord/protocol';
import type { Ctx } from '../../app/context.js';
import type { Actor } from '../../authz/actor.js';
import { reachCovers, reachOf } from '../../authz/may.js';
import { forbidden, notFound } from '../../platform/errors.js';
import { recordAudit } from '../audit/record.js';
import { findMemberForRoles, isOwner, type MemberForRoles } from './queries.js';

type RuleCtx = Pick<Ctx, 'db' | 'clock' | 'ids'>;

/** The permissions (at this scope) the actor does not hold widely enough to give away. */
export function missingGrants(actor: Actor, permissions: readonly Permission[], scope: DataScope): Permission[] {
  return permissions.filter((p) => {
    const held = actor.grants.get(p);
    return !held || SCOPE_RANK[held] < SCOPE_RANK[scope];
  });
}

/**
 * Throws forbidden (and records the refusal) unless the actor holds every permission at the
 * scope given; this keeps sensitive permissions with those who already have them.
 */
export async function assertCanGrant(
  ctx: RuleCtx,
  actor: Actor,
  permissions: readonly Permission[],
  scope: DataScope,
  target: { type: string; id: string; label?: string | null } | null = null,
): Promise<void> {
  const missing = missingGrants(actor, permissions, scope);
  if (missing.length === 0) return;
  await recordAudit(ctx, ctx.db, {
    orgId: actor.orgId,
    who: actor,
    action: 'authz.denied',
    target,
    after: { reason: 'grant_beyond_own', permissions: missing, scope },
  });
  throw forbidden('You cannot grant permissions you do not hold yourself', { permissions: missing, scope });
}

/** Only a signed-in owner (not an API token) may give, take or edit the owner role. */
export async function assertOwnerActor(ctx: RuleCtx, actor: Actor): Promise<void> {
  if (actor.kind === 'member' && (await isOwner(ctx.db, actor.orgId, actor.memberId))) return;
  await recordAudit(ctx, ctx.db, {
    orgId: actor.orgId,
    who: actor,
    action: 'authz.denied',
    target: null,
    after: { reason: 'owner_only' },
  });
  throw forbidden('Only an owner can change the owner role');
}

/** The member, when the actor may see them; otherwise not found, so ids cannot be probed. */
export async function memberInViewReach(ctx: RuleCtx, actor: Actor, memberId: string): Promise<MemberForRoles> {
  const member = await findMemberForRoles(ctx.db, actor.orgId, memberId);
  const reach = await reachOf(ctx, actor, 'member.view');
  if (
    !member ||
    !reach ||
    !reachCovers(reach, { kind: 'member', id: member.id, departmentIds: member.departmentIds })
  ) {
    throw notFound('member');
  }
  return member;
}
