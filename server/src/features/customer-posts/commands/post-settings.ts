/** The org's "posts need review" setting: read by everyone who posts, changed by reviewers (audited). */
import type { Kysely } from 'kysely';
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { assertMay, may } from '../../../authz/may.js';
import type { Database } from '../../../platform/db/schema.js';
import { recordAudit } from '../../audit/record.js';

export async function reviewRequired(db: Kysely<Database>, orgId: string): Promise<boolean> {
  const row = await db
    .selectFrom('customer_post_settings')
    .select('review_required')
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return Number(row?.review_required ?? 0) === 1;
}

export async function readPostSettings(ctx: Pick<Ctx, 'db'>, actor: Actor) {
  const [required, canChange] = await Promise.all([
    reviewRequired(ctx.db, actor.orgId),
    may(ctx, actor, 'customer_post.review'),
  ]);
  return { reviewRequired: required, canChange };
}

export async function setReviewRequired(ctx: Ctx, actor: Actor, required: boolean): Promise<void> {
  await assertMay(ctx, actor, 'customer_post.review');
  await ctx.db.transaction().execute(async (tx) => {
    const before = await reviewRequired(tx, actor.orgId);
    if (before === required) return;
    const now = ctx.clock.now().toISOString();
    const values = { review_required: required ? 1 : 0, updated_by: actor.memberId, updated_at: now };
    await tx
      .insertInto('customer_post_settings')
      .values({ org_id: actor.orgId, ...values })
      .onConflict((oc) => oc.column('org_id').doUpdateSet(values))
      .execute();
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: 'customer_post.settings_changed',
      target: { type: 'org', id: actor.orgId },
      before: { reviewRequired: before },
      after: { reviewRequired: required },
    });
  });
}
