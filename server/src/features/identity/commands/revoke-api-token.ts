/** Revokes an API token of the org; its next request answers 401. */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { assertMay } from '../../../authz/may.js';
import { notFound } from '../../../platform/errors.js';
import { recordAudit } from '../../audit/record.js';
import { findApiToken } from '../queries.js';

export async function revokeApiToken(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  await assertMay(ctx, actor, 'api_token.manage');
  const nowIso = ctx.clock.now().toISOString();
  const revoked = await ctx.db.transaction().execute(async (tx) => {
    const token = await findApiToken(tx, actor.orgId, id);
    if (!token) throw notFound('API token');
    if (token.revoked_at) return false;
    await tx
      .updateTable('api_tokens')
      .set({ revoked_at: nowIso })
      .where('org_id', '=', actor.orgId)
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .execute();
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: 'api_token.revoked',
      target: { type: 'api_token', id, label: token.name },
    });
    return true;
  });
  if (revoked) {
    ctx.bus.emit({
      type: 'api_token.revoked',
      orgId: actor.orgId,
      at: nowIso,
      actorId: actor.memberId,
      data: { apiTokenId: id },
    });
  }
}
