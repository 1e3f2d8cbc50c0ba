/** Flagging an external group as a customer group (or not), and setting its keyword auto-replies. */
import type { Ctx } from '../../app/context.js';
import type { Actor } from '../../authz/actor.js';
import { invalid, notFound } from '../../platform/errors.js';
import { recordAudit } from '../audit/record.js';
import { AUTO_REPLY_LIMITS, type AutoReplyRule, cleanRule, parseAutoReplies } from './auto-reply-rules.js';
import { managedExternalGroup } from './group-access.js';

export async function setCustomerGroup(ctx: Ctx, actor: Actor, id: string, enabled: boolean): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const group = await managedExternalGroup(tx, actor, id);
    const existing = await tx
      .selectFrom('customer_groups')
      .select('conversation_id')
      .where('conversation_id', '=', id)
      .executeTakeFirst();
    if (enabled === Boolean(existing)) return;
    const now = ctx.clock.now().toISOString();
    if (enabled) {
      await tx
        .insertInto('customer_groups')
        .values({
          conversation_id: id,
          org_id: actor.orgId,
          auto_replies: '[]',
          flagged_by: actor.memberId,
          flagged_at: now,
          updated_at: now,
        })
        .execute();
    } else {
      await tx.deleteFrom('customer_groups').where('conversation_id', '=', id).execute();
    }
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: enabled ? 'customer_group.flagged' : 'customer_group.unflagged',
      target: { type: 'conversation', id, label: group.name },
    });
  });
}

function checkRules(rules: AutoReplyRule[]): AutoReplyRule[] {
  const cleaned = rules.map(cleanRule);
  cleaned.forEach((rule, index) => {
    if (rule.keywords.length === 0) {
      throw invalid('Each auto-reply needs at least one keyword', {
        field: `rules/${index}/keywords`,
        reason: 'empty',
      });
    }
    if (!rule.reply) throw invalid('Each auto-reply needs a reply', { field: `rules/${index}/reply`, reason: 'empty' });
  });
  if (cleaned.length > AUTO_REPLY_LIMITS.rules) {
    throw invalid(`At most ${AUTO_REPLY_LIMITS.rules} auto-replies`, { field: 'rules', reason: 'too_many' });
  }
  return cleaned;
}

export async function setAutoReplies(
  ctx: Ctx,
  actor: Actor,
  id: string,
  rules: AutoReplyRule[],
): Promise<AutoReplyRule[]> {
  const cleaned = checkRules(rules);
  await ctx.db.transaction().execute(async (tx) => {
    const group = await managedExternalGroup(tx, actor, id);
    const row = await tx
      .selectFrom('customer_groups')
      .select('auto_replies')
      .where('org_id', '=', actor.orgId)
      .where('conversation_id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound('customer group');
    await tx
      .updateTable('customer_groups')
      .set({ auto_replies: JSON.stringify(cleaned), updated_at: ctx.clock.now().toISOString() })
      .where('conversation_id', '=', id)
      .execute();
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: 'customer_group.auto_replies_changed',
      target: { type: 'conversation', id, label: group.name },
      before: { rules: parseAutoReplies(row.auto_replies) },
      after: { rules: cleaned },
    });
  });
  return cleaned;
}
