/** Delete for oneself: the message disappears from the actor's view only; nobody else is told. */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { requireVisibleMessage } from '../message-queries.js';

export async function hideMessage(ctx: Ctx, actor: Actor, messageId: string): Promise<void> {
  await requireVisibleMessage(ctx.db, actor, messageId);
  await ctx.db
    .insertInto('message_hides')
    .values({ org_id: actor.orgId, message_id: messageId, member_id: actor.memberId })
    .onConflict((oc) => oc.columns(['message_id', 'member_id']).doNothing())
    .execute();
}
