/** Reading a group's anti-harassment rules: any member may see them, so nobody is surprised. */
import type { Ctx } from '../../app/context.js';
import type { Actor } from '../../authz/actor.js';
import { type HarassmentRules, harassmentRulesOf } from './harassment-rules.js';
import { requireMembership } from './membership.js';

export async function getHarassmentRules(ctx: Ctx, actor: Actor, conversationId: string): Promise<HarassmentRules> {
  const { conversation } = await requireMembership(ctx.db, actor, conversationId);
  return harassmentRulesOf(conversation.settings);
}
