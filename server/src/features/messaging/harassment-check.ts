/**
 * Applies a group's anti-harassment rules to a message a plain member is about to send (the
 * owner and admins are exempt). A hit refuses the message — nothing is stored — records an
 * audit entry, and with the `remove` action also takes the sender out of the group.
 */
import type { Ctx } from '../../app/context.js';
import type { Actor } from '../../authz/actor.js';
import type { ConversationTable } from '../../platform/db/schema.js';
import { conflict } from '../../platform/errors.js';
import { recordAudit } from '../audit/record.js';
import { appendConversationEvent, publishEvents } from './event-log.js';
import {
  findKeyword,
  findLink,
  type HarassmentAction,
  type HarassmentRule,
  type HarassmentRules,
  harassmentRulesOf,
} from './harassment-rules.js';
import { isGroupManager } from './membership.js';

type Hit = { rule: HarassmentRule; match: string | null };

const REASONS: Record<HarassmentRule, string> = {
  link: 'links are not allowed in this group',
  keyword: 'it contains a word this group blocks',
  flood: 'you are sending messages too fast for this group',
};

/** How many messages the member sent in the conversation during the last `seconds`. */
async function recentCount(ctx: Ctx, actor: Actor, conversationId: string, seconds: number): Promise<number> {
  const since = new Date(ctx.clock.now().getTime() - seconds * 1000).toISOString();
  const row = await ctx.db
    .selectFrom('messages')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('org_id', '=', actor.orgId)
    .where('conversation_id', '=', conversationId)
    .where('sender_id', '=', actor.memberId)
    .where('created_at', '>', since)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

async function firstHit(ctx: Ctx, actor: Actor, conversationId: string, rules: HarassmentRules, body: string) {
  if (rules.blockLinks) {
    const link = findLink(body);
    if (link) return { rule: 'link', match: link } satisfies Hit;
  }
  const keyword = findKeyword(body, rules.blockedKeywords);
  if (keyword) return { rule: 'keyword', match: keyword } satisfies Hit;
  if (rules.flood) {
    const sent = await recentCount(ctx, actor, conversationId, rules.flood.perSeconds);
    if (sent >= rules.flood.maxMessages) return { rule: 'flood', match: null } satisfies Hit;
  }
  return null;
}

/** Throws 409 `conflict` (details.rule, details.action) when the message breaks a rule. */
export async function enforceHarassmentRules(
  ctx: Ctx,
  actor: Actor,
  conversation: ConversationTable,
  role: string,
  body: string,
): Promise<void> {
  if (isGroupManager(role)) return;
  const rules = harassmentRulesOf(conversation.settings);
  const hit = await firstHit(ctx, actor, conversation.id, rules, body);
  if (!hit) return;
  const action: HarassmentAction = rules.action;
  const removed = action === 'remove';

  const events = await ctx.db.transaction().execute(async (tx) => {
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: 'conversation.harassment_blocked',
      target: { type: 'conversation', id: conversation.id, label: conversation.name },
      after: { rule: hit.rule, action, match: hit.match, body: [...body].slice(0, 200).join(''), removed },
    });
    if (!removed) return [];
    const gone = await tx
      .deleteFrom('conversation_members')
      .where('org_id', '=', actor.orgId)
      .where('conversation_id', '=', conversation.id)
      .where('member_id', '=', actor.memberId)
      .executeTakeFirst();
    if (Number(gone.numDeletedRows) === 0) return [];
    return [
      await appendConversationEvent(ctx, tx, {
        orgId: actor.orgId,
        conversationId: conversation.id,
        type: 'conversation.member_removed',
        actorId: null,
        payload: {
          memberId: actor.memberId,
          memberIds: [actor.memberId],
          members: [{ id: actor.memberId, name: actor.name }],
          reason: 'harassment',
          rule: hit.rule,
        },
      }),
    ];
  });
  publishEvents(ctx, events);
  const outcome = removed ? ' You have been removed from the group.' : '';
  throw conflict(`Your message was not sent: ${REASONS[hit.rule]}.${outcome}`, {
    rule: hit.rule,
    action,
    removed,
  });
}
