/**
 * Creates an API token for an integration. Its scopes must be a subset of what the creator
 * holds now; at use, bearer.ts also narrows them to what the creator still holds.
 */
import type { Permission } from '@concord/protocol';
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { assertMay } from '../../../authz/may.js';
import { forbidden, invalid } from '../../../platform/errors.js';
import { recordAudit } from '../../audit/record.js';
import { findApiToken } from '../queries.js';
import { API_TOKEN_PREFIX, hashToken, newToken } from '../tokens.js';

export type CreateApiTokenInput = { name: string; scopes: Permission[]; expiresInDays?: number | undefined };

/** Enough of the token to recognise it in a list, far too little to guess the rest. */
const PREFIX_LENGTH = API_TOKEN_PREFIX.length + 6;

export async function createApiToken(ctx: Ctx, actor: Actor, input: CreateApiTokenInput) {
  await assertMay(ctx, actor, 'api_token.manage');
  const name = input.name.trim();
  if (!name) throw invalid('The token needs a name', { field: 'name' });
  const beyond = input.scopes.filter((scope) => !actor.grants.has(scope));
  if (beyond.length > 0) {
    throw forbidden('A token cannot have permissions you do not hold', { scopes: beyond });
  }
  const token = newToken(API_TOKEN_PREFIX);
  const id = ctx.ids.next();
  const now = ctx.clock.now();
  const scopes = [...new Set(input.scopes)].sort();
  const expiresAt = input.expiresInDays
    ? new Date(now.getTime() + input.expiresInDays * 86_400_000).toISOString()
    : null;

  const row = await ctx.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('api_tokens')
      .values({
        id,
        org_id: actor.orgId,
        member_id: actor.memberId,
        name,
        token_hash: hashToken(token),
        token_prefix: token.slice(0, PREFIX_LENGTH),
        scopes: JSON.stringify(scopes),
        created_at: now.toISOString(),
        last_used_at: null,
        expires_at: expiresAt,
        revoked_at: null,
      })
      .execute();
    // The audit entry names the token, never its secret.
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: 'api_token.created',
      target: { type: 'api_token', id, label: name },
      after: { name, scopes, expiresAt },
    });
    return findApiToken(tx, actor.orgId, id);
  });
  if (!row) throw new Error('API token vanished after insert');
  ctx.bus.emit({
    type: 'api_token.created',
    orgId: actor.orgId,
    at: now.toISOString(),
    actorId: actor.memberId,
    data: { apiTokenId: id },
  });
  return { row, token };
}
