/**
 * Taking a comment down. A customer deletes their own comment from their page; a colleague who
 * sees the post (its author, a reviewer, a publish_org holder for an org post) deletes any
 * comment on it, as the post's moderators. Answers to a deleted comment go with it. The rows
 * stay (soft delete); a colleague's deletion is audited with the text it took down.
 */
import type { Kysely } from 'kysely';
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import type { Database } from '../../../platform/db/schema.js';
import { notFound } from '../../../platform/errors.js';
import { recordAudit } from '../../audit/record.js';
import { customerIdsOfGuest, postForGuest } from '../guest-access.js';
import { loadVisiblePost } from '../post-access.js';
import { auditTarget } from './publish-post.js';

type Db = Kysely<Database>;

function liveComment(db: Db, orgId: string, postId: string, commentId: string) {
  return db
    .selectFrom('customer_post_comments')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('post_id', '=', postId)
    .where('id', '=', commentId)
    .where('deleted_at', 'is', null);
}

/** Marks the comment and the answers to it deleted; false when someone else was first. */
async function takeDown(ctx: Ctx, db: Db, orgId: string, postId: string, commentId: string): Promise<boolean> {
  const done = await db
    .updateTable('customer_post_comments')
    .set({ deleted_at: ctx.clock.now().toISOString() })
    .where('org_id', '=', orgId)
    .where('post_id', '=', postId)
    .where((eb) => eb.or([eb('id', '=', commentId), eb('reply_to_id', '=', commentId)]))
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(done.numUpdatedRows) > 0;
}

export async function deleteOwnComment(ctx: Ctx, actor: Actor, postId: string, commentId: string): Promise<void> {
  await postForGuest(ctx, actor, postId);
  // Any of the customers this chat is linked to: the page shows the comments of all of them.
  const customerIds = await customerIdsOfGuest(ctx, actor);
  const own = await liveComment(ctx.db, actor.orgId, postId, commentId)
    .where('customer_id', 'in', customerIds)
    .executeTakeFirst();
  if (!own || !(await takeDown(ctx, ctx.db, actor.orgId, postId, commentId))) throw notFound('comment');
}

export async function deleteCommentOnPost(ctx: Ctx, actor: Actor, postId: string, commentId: string): Promise<void> {
  const { post } = await loadVisiblePost(ctx, ctx.db, actor, postId);
  await ctx.db.transaction().execute(async (tx) => {
    const comment = await liveComment(tx, actor.orgId, postId, commentId).executeTakeFirst();
    if (!comment || !(await takeDown(ctx, tx, actor.orgId, postId, commentId))) throw notFound('comment');
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: 'customer_post.comment_deleted',
      target: auditTarget(post),
      before: {
        commentId,
        text: comment.body,
        author: comment.author_name,
        authorKind: comment.member_id ? 'member' : 'customer',
      },
    });
  });
}
