/**
 * Deleting a post: the author, a reviewer, or for an org post a holder of publish_org. The post
 * leaves every customer's page at once; its rows stay for the audit trail.
 */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { notFound } from '../../../platform/errors.js';
import { recordAudit } from '../../audit/record.js';
import { loadVisiblePost } from '../post-access.js';
import { auditTarget } from './publish-post.js';

export async function deletePost(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  const { post } = await loadVisiblePost(ctx, ctx.db, actor, id);
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    const done = await tx
      .updateTable('customer_posts')
      .set({ status: 'deleted', deleted_at: now, deleted_by: actor.memberId, updated_at: now })
      .where('org_id', '=', actor.orgId)
      .where('id', '=', id)
      .where('status', '!=', 'deleted')
      .executeTakeFirst();
    // Deleted meanwhile by someone else: gone, as for anyone asking now.
    if (Number(done.numUpdatedRows) !== 1) throw notFound('post');
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: 'customer_post.deleted',
      target: auditTarget(post),
      before: { status: post.status, authorId: post.author_id },
    });
  });
}
