/** Identity's authorization rules: who may see and end whose sessions. */
import type { Ctx } from '../../app/context.js';
import type { Actor } from '../../authz/actor.js';
import { assertMay, may } from '../../authz/may.js';
import { invalid, notFound } from '../../platform/errors.js';
import { findMember, type MemberRow, memberDepartmentIds } from './queries.js';

/** Self-service account changes need a signed-in person, not an integration's API token. */
export function assertSessionActor(actor: Actor): asserts actor is Actor & { sessionId: string } {
  if (actor.kind !== 'member' || !actor.sessionId) {
    throw invalid('This needs a signed-in session; API tokens cannot do it');
  }
}

/**
 * The member whose sessions the actor wants to manage. Members of other orgs or outside the
 * actor's directory view answer 404; visible members without `session.manage` over them, 403.
 */
export async function memberForSessionManagement(
  ctx: Pick<Ctx, 'db' | 'clock' | 'ids'>,
  actor: Actor,
  memberId: string,
): Promise<MemberRow> {
  const member = await findMember(ctx.db, actor.orgId, memberId);
  if (!member) throw notFound('member');
  const resource = {
    kind: 'member' as const,
    id: member.id,
    departmentIds: await memberDepartmentIds(ctx.db, actor.orgId, member.id),
  };
  if (!(await may(ctx, actor, 'member.view', resource))) throw notFound('member');
  await assertMay(ctx, actor, 'session.manage', resource);
  return member;
}
