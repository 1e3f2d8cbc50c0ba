/**
 * Turns a bearer token into an actor: a live session or API token of an active member.
 * Revoked, expired or unknown tokens, and tokens of disabled or departed members, give null.
 */
import type { Permission } from '@concord/protocol';
import type { Ctx } from '../../app/context.js';
import { type Actor, loadActor, type RequestMeta } from '../../authz/actor.js';
import { API_TOKEN_PREFIX, hashToken, SESSION_PREFIX } from './tokens.js';

/** Sessions touch last_seen_at at most this often, to keep reads cheap. */
const TOUCH_EVERY_MS = 60_000;

export async function actorFromBearer(ctx: Ctx, token: string, meta: RequestMeta): Promise<Actor | null> {
  const now = ctx.clock.now();
  const nowIso = now.toISOString();
  const tokenHash = hashToken(token);

  if (token.startsWith(SESSION_PREFIX)) {
    const session = await ctx.db
      .selectFrom('sessions')
      .select(['id', 'org_id', 'member_id', 'expires_at', 'revoked_at', 'last_seen_at'])
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    if (!session || session.revoked_at || session.expires_at <= nowIso) return null;
    const actor = await loadActor(
      ctx.db,
      session.org_id,
      session.member_id,
      { kind: 'member', sessionId: session.id },
      meta,
    );
    if (actor && now.getTime() - Date.parse(session.last_seen_at) > TOUCH_EVERY_MS) {
      await ctx.db
        .updateTable('sessions')
        .set({ last_seen_at: nowIso, ip: meta.ip, user_agent: meta.userAgent?.slice(0, 500) ?? null })
        .where('id', '=', session.id)
        .execute();
    }
    return actor;
  }

  if (token.startsWith(API_TOKEN_PREFIX)) {
    const apiToken = await ctx.db
      .selectFrom('api_tokens')
      .select(['id', 'org_id', 'member_id', 'scopes', 'expires_at', 'revoked_at', 'last_used_at'])
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    if (!apiToken || apiToken.revoked_at || (apiToken.expires_at && apiToken.expires_at <= nowIso)) return null;
    const scopes = JSON.parse(apiToken.scopes) as Permission[];
    const actor = await loadActor(
      ctx.db,
      apiToken.org_id,
      apiToken.member_id,
      { kind: 'api_token', apiTokenId: apiToken.id, scopes },
      meta,
    );
    if (actor && (!apiToken.last_used_at || now.getTime() - Date.parse(apiToken.last_used_at) > TOUCH_EVERY_MS)) {
      await ctx.db.updateTable('api_tokens').set({ last_used_at: nowIso }).where('id', '=', apiToken.id).execute();
    }
    return actor;
  }
  return null;
}
