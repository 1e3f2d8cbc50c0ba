/** Marking a message for later, and taking the mark off. Only the member sees their marks. */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { notFound } from '../../../platform/errors.js';
import { requireVisibleMessage } from '../message-queries.js';
import { isUniqueViolation } from './store-message.js';

export async function bookmarkMessage(ctx: Ctx, actor: Actor, messageId: string): Promise<void> {
  const { message } = await requireVisibleMessage(ctx.db, actor, messageId);
  const existing = await ctx.db
    .selectFrom('bookmarks')
    .select('message_id')
    .where('member_id', '=', actor.memberId)
    .where('message_id', '=', messageId)
    .executeTakeFirst();
  if (existing) return;
  try {
    await ctx.db
      .insertInto('bookmarks')
      .values({
        org_id: actor.orgId,
        member_id: actor.memberId,
        message_id: messageId,
        conversation_id: message.conversation_id,
        created_at: ctx.clock.now().toISOString(),
      })
      .execute();
  } catch (err) {
    // A double click raced past the check: the mark is there either way.
    if (!isUniqueViolation(err)) throw err;
  }
}

/** Removes the mark; a member who left the conversation may still clear their own mark. */
export async function unbookmarkMessage(ctx: Ctx, actor: Actor, messageId: string): Promise<void> {
  const removed = await ctx.db
    .deleteFrom('bookmarks')
    .where('org_id', '=', actor.orgId)
    .where('member_id', '=', actor.memberId)
    .where('message_id', '=', messageId)
    .executeTakeFirst();
  if (Number(removed.numDeletedRows) > 0) return;
  // Nothing to remove: still answer 404 for a message the actor cannot see.
  await requireVisibleMessage(ctx.db, actor, messageId).catch(() => {
    throw notFound('message');
  });
}
