/** Reads behind the message routes, each starting from the actor's membership. */
import type { Ctx } from '../../app/context.js';
import type { Actor } from '../../authz/actor.js';
import { requireMembership } from './membership.js';
import { presentMessage } from './message-presenter.js';
import { listMessageViews, membersWithCursors, requireVisibleMessage } from './message-queries.js';
import type { ListMessagesInput, MessageOut } from './message-schemas.js';

const DEFAULT_LIMIT = 50;

export async function listMessages(
  ctx: Ctx,
  actor: Actor,
  conversationId: string,
  query: ListMessagesInput,
): Promise<{ items: MessageOut[]; hasMore: boolean }> {
  await requireMembership(ctx.db, actor, conversationId);
  const page = await listMessageViews(ctx.db, actor.orgId, conversationId, actor.memberId, {
    before: query.before,
    after: query.after,
    limit: query.limit ?? DEFAULT_LIMIT,
  });
  return { items: page.items.map(presentMessage), hasMore: page.hasMore };
}

type Person = { id: string; name: string };

/** Who of the current members (but the sender) has read the message, and who has not. */
export async function messageReaders(
  ctx: Ctx,
  actor: Actor,
  messageId: string,
): Promise<{ read: Person[]; unread: Person[] }> {
  const { message } = await requireVisibleMessage(ctx.db, actor, messageId);
  const members = await membersWithCursors(ctx.db, actor.orgId, message.conversation_id, message.sender_id);
  const read: Person[] = [];
  const unread: Person[] = [];
  for (const m of members) (m.readSeq >= message.seq ? read : unread).push({ id: m.id, name: m.name });
  return { read, unread };
}
