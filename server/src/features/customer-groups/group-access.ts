/**
 * Who may do what with a customer group. Flagging and auto-replies: the group's owner or admins
 * (as for its other settings). Seeing it and its statistics: its members, and whoever's
 * `customer.view` reaches its owner (a supervisor over a salesperson's groups).
 */
import type { Kysely } from 'kysely';
import type { Ctx } from '../../app/context.js';
import type { Actor } from '../../authz/actor.js';
import { reachCovers, reachOf } from '../../authz/may.js';
import type { ConversationTable, Database } from '../../platform/db/schema.js';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors.js';
import { requireMembership } from '../messaging/index.js';

const isManager = (role: string) => role === 'owner' || role === 'admin';

/** An active external group the actor manages; 404 to non-members, 403 to plain members. */
export async function managedExternalGroup(db: Kysely<Database>, actor: Actor, id: string): Promise<ConversationTable> {
  const { conversation, membership } = await requireMembership(db, actor, id);
  if (!isManager(membership.role)) throw forbidden('Only the group’s owner or admins change this');
  if (conversation.kind !== 'external') {
    throw invalid('Only an external group can be a customer group', { field: 'id', reason: 'not_external' });
  }
  if (conversation.status !== 'active') throw conflict('The group is dissolved', { reason: 'dissolved' });
  return conversation;
}

/** Department ids of members, for checking a reach over them. */
export async function departmentsOf(db: Kysely<Database>, orgId: string, memberIds: string[]) {
  const out = new Map<string, string[]>();
  if (memberIds.length === 0) return out;
  const rows = await db
    .selectFrom('member_departments')
    .select(['member_id', 'department_id'])
    .where('org_id', '=', orgId)
    .where('member_id', 'in', memberIds)
    .execute();
  for (const r of rows) out.set(r.member_id, [...(out.get(r.member_id) ?? []), r.department_id]);
  return out;
}

/** A flagged customer group the actor may see; 404 otherwise (never saying it exists). */
export async function visibleCustomerGroup(
  ctx: Pick<Ctx, 'db'>,
  actor: Actor,
  id: string,
): Promise<{ conversation: ConversationTable; autoReplies: string }> {
  const row = await ctx.db
    .selectFrom('customer_groups as g')
    .innerJoin('conversations as c', 'c.id', 'g.conversation_id')
    .selectAll('c')
    .select('g.auto_replies')
    .where('g.org_id', '=', actor.orgId)
    .where('g.conversation_id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('customer group');
  const { auto_replies, ...conversation } = row;
  const member = await ctx.db
    .selectFrom('conversation_members')
    .select('member_id')
    .where('org_id', '=', actor.orgId)
    .where('conversation_id', '=', id)
    .where('member_id', '=', actor.memberId)
    .executeTakeFirst();
  if (member) return { conversation, autoReplies: auto_replies };
  const reach = await reachOf(ctx, actor, 'customer.view');
  const ownerId = conversation.owner_id;
  if (reach && ownerId) {
    const departments = (await departmentsOf(ctx.db, actor.orgId, [ownerId])).get(ownerId) ?? [];
    if (reachCovers(reach, { kind: 'member', id: ownerId, departmentIds: departments })) {
      return { conversation, autoReplies: auto_replies };
    }
  }
  throw notFound('customer group');
}
