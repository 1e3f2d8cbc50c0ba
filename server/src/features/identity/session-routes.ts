/** Sessions: your own devices, and an administrator's view of a member's sessions. */
import type { Ctx } from '../../app/context.js';
import type { App } from '../../http/app-type.js';
import { actorOf } from '../../http/auth.js';
import { errorResponses, IdParams, Ok } from '../../http/schema-helpers.js';
import { endMemberSessions } from './commands/end-member-sessions.js';
import { revokeOtherSessions, revokeOwnSession } from './commands/revoke-own-sessions.js';
import { MemberIdParams, RevokedCount, SessionList } from './schemas.js';
import { listMemberSessions, listOwnSessions } from './views.js';

const tags = ['sessions'];

export function registerSessionRoutes(app: App, ctx: Ctx): void {
  app.get(
    '/api/v1/me/sessions',
    {
      schema: { tags, summary: 'Your live sessions', response: { 200: SessionList, ...errorResponses } },
    },
    async (req) => listOwnSessions(ctx, actorOf(req)),
  );

  app.delete(
    '/api/v1/me/sessions/:id',
    {
      schema: {
        tags,
        summary: 'Sign out one of your sessions',
        params: IdParams,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (req) => {
      await revokeOwnSession(ctx, actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/v1/me/sessions/revoke-others',
    {
      schema: {
        tags,
        summary: 'Sign out every other device; this session stays',
        response: { 200: RevokedCount, ...errorResponses },
      },
    },
    async (req) => ({ revoked: await revokeOtherSessions(ctx, actorOf(req)) }),
  );

  app.get(
    '/api/v1/members/:id/sessions',
    {
      schema: {
        tags,
        summary: "A member's live sessions (session.manage)",
        params: MemberIdParams,
        response: { 200: SessionList, ...errorResponses },
      },
    },
    async (req) => listMemberSessions(ctx, actorOf(req), req.params.id),
  );

  app.post(
    '/api/v1/members/:id/sessions/revoke',
    {
      schema: {
        tags,
        summary: 'Sign a member out of every device (session.manage)',
        params: MemberIdParams,
        response: { 200: RevokedCount, ...errorResponses },
      },
    },
    async (req) => ({ revoked: await endMemberSessions(ctx, actorOf(req), req.params.id) }),
  );
}
