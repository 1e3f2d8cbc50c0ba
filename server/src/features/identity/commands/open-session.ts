/** Opens a session inside the caller's transaction; the token is returned once and stored only hashed. */
import type { Kysely } from 'kysely';
import type { Ctx } from '../../../app/context.js';
import type { RequestMeta } from '../../../authz/actor.js';
import type { Database } from '../../../platform/db/schema.js';
import { hashToken, newToken, SESSION_PREFIX } from '../tokens.js';

export type OpenedSession = { sessionId: string; token: string; expiresAt: string };

export async function openSession(
  ctx: Pick<Ctx, 'clock' | 'ids' | 'config'>,
  tx: Kysely<Database>,
  who: { orgId: string; memberId: string },
  meta: RequestMeta,
): Promise<OpenedSession> {
  const token = newToken(SESSION_PREFIX);
  const now = ctx.clock.now();
  const sessionId = ctx.ids.next();
  const expiresAt = new Date(now.getTime() + ctx.config.sessionTtlHours * 3_600_000).toISOString();
  await tx
    .insertInto('sessions')
    .values({
      id: sessionId,
      org_id: who.orgId,
      member_id: who.memberId,
      token_hash: hashToken(token),
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: expiresAt,
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 500) ?? null,
      revoked_at: null,
      revoked_reason: null,
    })
    .execute();
  return { sessionId, token, expiresAt };
}
