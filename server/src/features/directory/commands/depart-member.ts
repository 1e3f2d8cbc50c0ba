/**
 * Offboards a member: status departed, sessions end, no longer heads a department. Emits
 * `member.departed` so messaging, customers and drive can hand over what the member held; an
 * optional named successor (an active member the actor can see) rides along in the event and
 * takes over the member's groups.
 */
import type { Kysely } from 'kysely';
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import type { Database } from '../../../platform/db/schema.js';
import { conflict, DomainError, invalid, notFound } from '../../../platform/errors.js';
import { recordAudit } from '../../audit/record.js';
import { revokeMemberSessions } from '../../identity/index.js';
import { loadVisibleMember } from '../access.js';
import { dateInput } from '../member-rules.js';
import { findMember, type MemberRow } from '../queries.js';
import type { DepartMemberInput } from '../schemas.js';
import { loadMemberToRemove } from './status-guards.js';

/** What the departure wrote, for work done in the same transaction (the offboarding's handover). */
export type Departure = {
  member: MemberRow;
  departedAt: string;
  sessionsRevoked: number;
  successor: { id: string; name: string } | null;
};

/**
 * `alsoInTransaction` runs inside the departure's transaction, after the member's own rows are
 * written and before the event: the offboarding hands customers over there, so a refusal there
 * leaves the member as they were.
 */
export async function departMember(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: DepartMemberInput,
  alsoInTransaction?: (tx: Kysely<Database>, departure: Departure) => Promise<void>,
): Promise<MemberRow> {
  const { row } = await loadMemberToRemove(ctx, actor, id, 'depart');
  if (row.status === 'departed') throw conflict('The member has already departed');
  const departedOn = dateInput('departedOn', input.departedOn) ?? null;
  const now = ctx.clock.now().toISOString();
  const departedAt = departedOn ? `${departedOn}T00:00:00.000Z` : now;
  const successor = input.successorId ? await loadSuccessor(ctx, actor, id, input.successorId) : null;
  const headOf = await ctx.db.transaction().execute(async (tx) => {
    if (successor) {
      // The successor may have been disabled or departed since: refuse before writing anything.
      const current = await tx
        .selectFrom('members')
        .select('status')
        .where('org_id', '=', actor.orgId)
        .where('id', '=', successor.id)
        .executeTakeFirst();
      if (current?.status !== 'active') throw inactiveSuccessor(current?.status ?? 'departed');
    }
    await tx
      .updateTable('members')
      .set({ status: 'departed', departed_at: departedAt, updated_at: now })
      .where('org_id', '=', actor.orgId)
      .where('id', '=', id)
      .execute();
    const sessions = await revokeMemberSessions(ctx, tx, actor.orgId, id, 'member_departed');
    const heads = await tx
      .deleteFrom('department_heads')
      .where('org_id', '=', actor.orgId)
      .where('member_id', '=', id)
      .returning('department_id')
      .execute();
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: 'member.departed',
      target: { type: 'member', id, label: row.name },
      before: { status: row.status },
      after: {
        status: 'departed',
        departedAt,
        sessionsRevoked: sessions,
        removedAsHeadOf: heads.map((h) => h.department_id),
        successor,
      },
    });
    await alsoInTransaction?.(tx, { member: row, departedAt, sessionsRevoked: sessions, successor });
    return heads.map((h) => h.department_id);
  });
  ctx.bus.emit({
    type: 'member.departed',
    orgId: actor.orgId,
    at: now,
    actorId: actor.memberId,
    data: { memberId: id, departedAt, formerHeadOf: headOf, successorId: successor?.id ?? null },
  });
  const after = await findMember(ctx.db, actor.orgId, id);
  if (!after) throw new Error('member vanished');
  return after;
}

/** The named successor: another member, visible to the actor (else 404 like any unknown id), active. */
async function loadSuccessor(
  ctx: Ctx,
  actor: Actor,
  departingId: string,
  successorId: string,
): Promise<{ id: string; name: string }> {
  if (successorId === departingId) {
    throw invalid('The successor must be someone other than the departing member', {
      field: 'successorId',
      reason: 'self',
    });
  }
  const found = await loadVisibleMember(ctx, actor, successorId).catch((err: unknown) => {
    if (err instanceof DomainError && err.code === 'not_found') throw notFound('member', { field: 'successorId' });
    throw err;
  });
  if (found.row.status !== 'active') throw inactiveSuccessor(found.row.status);
  return { id: found.row.id, name: found.row.name };
}

function inactiveSuccessor(status: string): DomainError {
  return invalid('The successor must be an active member', { field: 'successorId', reason: 'not_active', status });
}
