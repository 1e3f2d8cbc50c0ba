/**
 * Authentication for /api/v1: every route needs a bearer token unless its config says
 * `public: true`. A member who must still set up two-factor reaches only routes marked
 * `totpSetup: true`; a guest (external participant) only routes marked `guest: true`.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Ctx } from '../app/context.js';
import type { Actor, RequestMeta } from '../authz/actor.js';
import { actorFromBearer } from '../features/identity/bearer.js';
import { DomainError, forbidden, unauthorized } from '../platform/errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    public?: boolean;
    totpSetup?: boolean;
    /** Open to guests (external participants); every other route refuses them. */
    guest?: boolean;
  }
}

/** Where the request came from, for audit entries and throttling. */
export function requestMeta(req: FastifyRequest): RequestMeta {
  const ua = req.headers['user-agent'];
  return { ip: req.ip ?? null, userAgent: typeof ua === 'string' ? ua : null, requestId: String(req.id) };
}

/** The signed-in actor of a route that requires one. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw unauthorized();
  return req.actor;
}

export function installAuth(app: FastifyInstance, ctx: Ctx): void {
  app.decorateRequest('actor', null);
  app.addHook('preValidation', async (req) => {
    if (!req.url.startsWith('/api/v1/') || req.is404) return;
    const config = req.routeOptions.config;
    const header = req.headers.authorization;
    const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7).trim() : null;
    if (token) req.actor = await actorFromBearer(ctx, token, requestMeta(req));
    if (config?.public) return;
    if (!req.actor) throw unauthorized(token ? 'The session has ended; sign in again' : 'Sign in first');
    if (req.actor.kind === 'guest' && !config?.guest) {
      throw forbidden('Guests can only take part in the group they joined');
    }
    if (req.actor.totpSetupRequired && !config?.totpSetup) {
      throw new DomainError('totp_setup_required', 'Set up two-factor sign-in before continuing');
    }
  });
}
