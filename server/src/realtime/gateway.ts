/**
 * The WebSocket gateway at /api/v1/ws. Sign-in: an `Authorization: Bearer` header, or — since
 * browsers cannot set headers on a WebSocket — a first frame `{type:'auth', token}` (not a query
 * parameter: URLs end up in logs). Refused → close 4401. Then `ready`, live events, and
 * `resume` from per-conversation cursors (or cursors in the auth frame). Presence is per node and
 * shown to 1:1 partners.
 */
import type { ClientFrame } from '@concord/protocol';
import type { FastifyRequest } from 'fastify';
import type { RawData, WebSocket } from 'ws';
import type { Ctx } from '../app/context.js';
import type { Actor } from '../authz/actor.js';
import { actorFromBearer } from '../features/identity/bearer.js';
import type { App } from '../http/app-type.js';
import { requestMeta } from '../http/auth.js';
import { Connection } from './connection.js';
import { PRESENCE_EVENT, subscribeFanOut, TYPING_EVENT } from './fan-out.js';
import { CLOSE, frameText, MAX_FRAME_BYTES, parseClientFrame } from './frames.js';
import { ConnectionRegistry } from './registry.js';

/** A socket that has not signed in within this time is closed. */
const AUTH_TIMEOUT_MS = 10_000;

export const WS_PATH = '/api/v1/ws';

/** Registers the gateway route; `@fastify/websocket` must be registered on `app` first. */
export function installRealtime(app: App, ctx: Ctx): ConnectionRegistry {
  const registry = new ConnectionRegistry();
  const unsubscribe = subscribeFanOut(ctx, registry);
  app.addHook('onClose', async () => unsubscribe());

  const publishPresence = (connection: Connection, online: boolean) =>
    ctx.bus.emit({
      type: PRESENCE_EVENT,
      orgId: connection.orgId,
      at: ctx.clock.now().toISOString(),
      actorId: connection.memberId,
      data: { memberId: connection.memberId, online },
    });

  const handleFrame = async (connection: Connection, frame: ClientFrame): Promise<void> => {
    switch (frame.type) {
      case 'ping':
        connection.send({ type: 'pong' });
        return;
      case 'auth':
        connection.send({ type: 'error', code: 'invalid', message: 'Already signed in' });
        return;
      case 'resume':
        await connection.resume(frame.cursors);
        return;
      case 'typing': {
        if (!(await connection.isMemberOf(frame.conversationId))) {
          connection.send({ type: 'error', code: 'not_found', message: 'No such conversation' });
          return;
        }
        if (!connection.takeTypingSlot(frame.conversationId)) return;
        ctx.bus.emit({
          type: TYPING_EVENT,
          orgId: connection.orgId,
          at: ctx.clock.now().toISOString(),
          actorId: connection.memberId,
          data: { conversationId: frame.conversationId, memberId: connection.memberId },
        });
        return;
      }
    }
  };

  const handler = (socket: WebSocket, req: FastifyRequest): void => {
    let connection: Connection | null = null;
    let closed = false;
    // Frames of one socket are handled in order, one at a time (resume before later frames).
    let chain: Promise<void> = Promise.resolve();
    const enqueue = (work: () => Promise<void> | void) => {
      chain = chain.then(work).catch((err: unknown) => {
        ctx.log.error({ err }, 'realtime: frame handling failed');
        if (socket.readyState === socket.OPEN)
          socket.send(frameText({ type: 'error', code: 'internal', message: 'Try again' }));
      });
    };
    const refuse = (reason: string) => {
      if (!closed) socket.close(CLOSE.unauthorized, reason);
    };

    // Frame sign-in starts live delivery at once (or resumes from the auth frame's cursors);
    // header sign-in starts it with the client's first frame, so a first `resume` comes before any.
    const start = async (actor: Actor | null, via: 'header' | 'frame', cursors?: Record<string, number>) => {
      if (closed) return;
      if (!actor || actor.totpSetupRequired) return refuse(actor ? 'two-factor setup required' : 'sign in first');
      const created = new Connection(socket, actor, ctx);
      connection = created;
      const first = registry.add(created);
      await created.init();
      if (closed) return;
      created.send({ type: 'ready', memberId: actor.memberId });
      if (first) publishPresence(created, true);
      if (cursors) await created.resume(cursors);
      else if (via === 'frame') created.activate();
    };

    const header = req.headers.authorization;
    const hasHeader = typeof header === 'string' && header.startsWith('Bearer ');
    // The auth hook has already resolved a header token (the route is public, so it did not refuse).
    const timer = hasHeader ? null : setTimeout(() => refuse('sign in first'), AUTH_TIMEOUT_MS);
    if (hasHeader) enqueue(() => start(req.actor, 'header'));

    socket.on('message', (data: RawData, isBinary: boolean) => {
      const size = Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : data.byteLength;
      if (isBinary || size > MAX_FRAME_BYTES) {
        socket.send(frameText({ type: 'error', code: 'invalid', message: 'Frames are JSON text' }));
        return;
      }
      const parsed = parseClientFrame(Buffer.isBuffer(data) ? data.toString('utf8') : String(data));
      enqueue(async () => {
        if (closed) return;
        if (!connection) {
          // Not signed in yet: the only frame accepted is auth.
          if (!parsed.ok || parsed.frame.type !== 'auth') return refuse('sign in first');
          if (timer) clearTimeout(timer);
          const actor = await actorFromBearer(ctx, parsed.frame.token, requestMeta(req));
          return start(actor, 'frame', parsed.frame.cursors);
        }
        if (!parsed.ok || parsed.frame.type !== 'resume') connection.activate();
        if (!parsed.ok) {
          connection.send({ type: 'error', code: 'invalid', message: parsed.message });
          return;
        }
        await handleFrame(connection, parsed.frame);
      });
    });

    socket.on('close', () => {
      closed = true;
      if (timer) clearTimeout(timer);
      if (connection && registry.remove(connection)) publishPresence(connection, false);
    });
    socket.on('error', (err) => ctx.log.debug({ err }, 'realtime: socket error'));
  };

  app.get(WS_PATH, { websocket: true, config: { public: true }, schema: { hide: true } }, handler);
  return registry;
}
