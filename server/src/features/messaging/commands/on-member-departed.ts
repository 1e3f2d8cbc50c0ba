/**
 * Reacts to `member.departed` from the directory: the member leaves every conversation. A group
 * they owned passes to the successor the directory named (`successorId`, joining the group if
 * they are not in it and the group has room), else to the longest-serving admin, else the
 * longest-serving member (colleagues only, never an external participant); a group left with no
 * colleague is dissolved. Their open to-dos there go to someone still in it (hand-over-todos.ts).
 * Each conversation changes in its own transaction through the event log.
 */
import type { Kysely } from 'kysely';
import type { Ctx } from '../../../app/context.js';
import type { DomainEvent } from '../../../platform/bus.js';
import type { ConversationTable, Database } from '../../../platform/db/schema.js';
import type { AuditWho } from '../../audit/record.js';
import {
  insertMembers,
  isGroup,
  type LoggedEvent,
  lockConversation,
  type MemberRef,
  memberAddedPayload,
} from '../conversation-rules.js';
import { appendConversationEvent, publishEvents } from '../event-log.js';
import { conversationIdsOf } from '../membership.js';
import { markDissolved } from './dissolve-conversation.js';
import { handOverTodos } from './hand-over-todos.js';
import { passOwnership } from './transfer-owner.js';

const SYSTEM: AuditWho = {
  kind: 'system',
  memberId: null,
  name: null,
  meta: { ip: null, userAgent: null, requestId: null },
};

export async function onMemberDeparted(ctx: Ctx, event: DomainEvent): Promise<void> {
  const memberId = event.data.memberId;
  if (typeof memberId !== 'string') return;
  const orgId = event.orgId;
  const member = await ctx.db
    .selectFrom('members')
    .select(['id', 'name'])
    .where('org_id', '=', orgId)
    .where('id', '=', memberId)
    .executeTakeFirst();
  if (!member) return;
  const named = await namedSuccessor(ctx, orgId, memberId, event.data.successorId);
  for (const conversationId of await conversationIdsOf(ctx.db, orgId, memberId)) {
    const events = await ctx.db.transaction().execute(async (tx) => {
      const out = await leaveConversation(ctx, tx, { orgId, conversationId, member, named });
      await handOverTodos(tx, { orgId, conversationId, memberId, successorId: named?.id ?? null });
      return out;
    });
    publishEvents(ctx, events);
  }
}

/** The member leaves one conversation; a group they owned passes on or, with no colleague left, ends. */
async function leaveConversation(
  ctx: Ctx,
  tx: Kysely<Database>,
  {
    orgId,
    conversationId,
    member,
    named,
  }: { orgId: string; conversationId: string; member: MemberRef; named: MemberRef | undefined },
): Promise<LoggedEvent[]> {
  const memberId = member.id;
  const conversation = await lockConversation(tx, orgId, conversationId);
  const removed = await tx
    .deleteFrom('conversation_members')
    .where('org_id', '=', orgId)
    .where('conversation_id', '=', conversationId)
    .where('member_id', '=', memberId)
    .returning('role')
    .executeTakeFirst();
  // Already gone (a concurrent leave): nothing to log.
  if (!removed) return [];
  const out: LoggedEvent[] = [
    await appendConversationEvent(ctx, tx, {
      orgId,
      conversationId,
      type: 'conversation.member_removed',
      actorId: null,
      payload: { memberId, memberIds: [memberId], members: [member], reason: 'departed' },
    }),
  ];
  if (!isGroup(conversation) || conversation.status !== 'active') return out;
  const remaining = await tx
    .selectFrom('conversation_members')
    .innerJoin('members', 'members.id', 'conversation_members.member_id')
    .select(['members.id', 'members.name', 'members.status', 'members.kind', 'conversation_members.role'])
    .where('conversation_members.org_id', '=', orgId)
    .where('conversation_members.conversation_id', '=', conversationId)
    .orderBy('conversation_members.joined_at')
    .orderBy('members.id')
    .execute();
  if (removed.role === 'owner') {
    let successor: MemberRef | undefined;
    if (named && (await seatSuccessor(ctx, tx, conversation, named, remaining, out))) successor = named;
    // Only colleagues run a group (never an external participant); active ones first, since
    // a disabled member cannot run the group until re-enabled.
    const staff = remaining.filter((m) => m.kind === 'staff');
    const active = staff.filter((m) => m.status === 'active');
    successor ??=
      active.find((m) => m.role === 'admin') ?? active[0] ?? staff.find((m) => m.role === 'admin') ?? staff[0];
    if (successor) {
      out.push(
        await passOwnership(ctx, tx, {
          orgId,
          conversationId,
          label: conversation.name,
          from: member,
          to: { id: successor.id, name: successor.name },
          who: SYSTEM,
          reason: 'departed',
          namedSuccessor: successor === named,
        }),
      );
      return out;
    }
  }
  // A group with no colleague left (empty, or external participants only) is dissolved.
  if (!remaining.some((m) => m.kind === 'staff')) {
    out.push(
      await markDissolved(ctx, tx, {
        orgId,
        conversationId,
        label: conversation.name,
        who: SYSTEM,
        reason: remaining.length === 0 ? 'empty' : 'no_colleagues',
      }),
    );
  }
  return out;
}

/** The successor named in the event, if they are still an active member of the org. */
async function namedSuccessor(
  ctx: Ctx,
  orgId: string,
  departingId: string,
  successorId: unknown,
): Promise<MemberRef | undefined> {
  if (typeof successorId !== 'string' || successorId === departingId) return undefined;
  return ctx.db
    .selectFrom('members')
    .select(['id', 'name'])
    .where('org_id', '=', orgId)
    .where('id', '=', successorId)
    .where('status', '=', 'active')
    .executeTakeFirst();
}

/**
 * Makes sure the named successor is in the group: already a member, or added now (logging
 * `conversation.member_added` with `reason: 'successor'`). False when the group has no room for
 * them, so the longest-serving rule applies instead.
 */
async function seatSuccessor(
  ctx: Ctx,
  tx: Kysely<Database>,
  conversation: ConversationTable,
  successor: MemberRef,
  remaining: readonly { id: string }[],
  out: LoggedEvent[],
): Promise<boolean> {
  if (remaining.some((m) => m.id === successor.id)) return true;
  if (remaining.length + 1 > conversation.member_limit) {
    ctx.log.warn(
      { orgId: conversation.org_id, conversationId: conversation.id, successorId: successor.id },
      'group is full; the named successor was not added and the longest-serving rule applies',
    );
    return false;
  }
  await insertMembers(
    tx,
    conversation.org_id,
    conversation.id,
    [{ id: successor.id, role: 'member' }],
    ctx.clock.now().toISOString(),
  );
  out.push(
    await appendConversationEvent(ctx, tx, {
      orgId: conversation.org_id,
      conversationId: conversation.id,
      type: 'conversation.member_added',
      actorId: null,
      payload: memberAddedPayload([successor], conversation, { reason: 'successor' }),
    }),
  );
  return true;
}
