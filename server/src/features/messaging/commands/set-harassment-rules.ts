/** Replaces a group's anti-harassment rules (owner and admins); audited, other settings kept. */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { forbidden, invalid } from '../../../platform/errors.js';
import { recordAudit } from '../../audit/record.js';
import { assertChangeableGroup, lockConversation, parseConversationSettings } from '../conversation-rules.js';
import { type HarassmentRules, harassmentRulesOf } from '../harassment-rules.js';
import { isGroupManager, requireMembership } from '../membership.js';
import type { HarassmentRulesInput } from '../tools-schemas.js';

/** Trimmed, de-duplicated keywords (case-insensitively); a blank keyword is refused. */
function cleanKeywords(raw: readonly string[]): string[] {
  const out = new Map<string, string>();
  for (const [index, value] of raw.entries()) {
    const keyword = value.trim();
    if (keyword === '') throw invalid('A blocked keyword cannot be blank', { field: 'blockedKeywords', index });
    const key = keyword.normalize('NFKC').toLowerCase();
    if (!out.has(key)) out.set(key, keyword);
  }
  return [...out.values()];
}

export async function setHarassmentRules(
  ctx: Ctx,
  actor: Actor,
  conversationId: string,
  input: HarassmentRulesInput,
): Promise<HarassmentRules> {
  const { conversation, membership } = await requireMembership(ctx.db, actor, conversationId);
  assertChangeableGroup(conversation);
  if (!isGroupManager(membership.role)) throw forbidden('Only the owner and admins may set anti-harassment rules');
  const rules: HarassmentRules = {
    blockLinks: input.blockLinks,
    blockedKeywords: cleanKeywords(input.blockedKeywords),
    flood: input.flood,
    action: input.action,
  };

  await ctx.db.transaction().execute(async (tx) => {
    const current = await lockConversation(tx, actor.orgId, conversationId);
    assertChangeableGroup(current);
    const settings = parseConversationSettings(current.settings);
    const before = harassmentRulesOf(current.settings);
    await tx
      .updateTable('conversations')
      .set({ settings: JSON.stringify({ ...settings, harassment: rules }), updated_at: ctx.clock.now().toISOString() })
      .where('org_id', '=', actor.orgId)
      .where('id', '=', conversationId)
      .execute();
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: 'conversation.harassment_rules_changed',
      target: { type: 'conversation', id: conversationId, label: current.name },
      before,
      after: rules,
    });
  });
  return rules;
}
