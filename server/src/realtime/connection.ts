/**
 * One signed-in socket: its per-conversation delivery streams, resume, typing, and sending
 * with back-pressure. Frames of one socket are handled one after another (see gateway.ts).
 */
import type { ServerFrame } from '@concord/protocol';
import { WebSocket } from 'ws';
import type { Ctx } from '../app/context.js';
import type { Actor } from '../authz/actor.js';
import { listEventsAfter } from '../features/messaging/index.js';
import { ConversationStream, type LiveEvent } from './conversation-stream.js';
import { CLOSE, frameText, memberIdsNamedBy } from './frames.js';
import { conversationCursorsOf } from './queries.js';

/** A socket holding more unsent bytes than this reads too slowly; it is closed and must resume. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;
/** One typing notice per conversation per socket in this window. */
const TYPING_EVERY_MS = 2000;

export class Connection {
  readonly memberId: string;
  readonly orgId: string;
  private readonly streams = new Map<string, ConversationStream>();
  /** Live events held until the socket is active (see `activate`). */
  private early: LiveEvent[] | null = [];
  private readonly typingAt = new Map<string, number>();

  constructor(
    readonly socket: WebSocket,
    readonly actor: Actor,
    private readonly ctx: Ctx,
  ) {
    this.memberId = actor.memberId;
    this.orgId = actor.orgId;
  }

  /**
   * Starts every conversation at its current last seq: without a resume a socket gets what
   * happens from now on, and a resume names the conversations it wants replayed.
   */
  async init(): Promise<void> {
    const cursors = await conversationCursorsOf(this.ctx.db, this.orgId, this.memberId);
    for (const [id, lastSeq] of cursors) this.streams.set(id, this.newStream(id, lastSeq));
  }

  /**
   * Starts live delivery. Until then live events are held, so that a resume sent at connect
   * takes effect before any of them: otherwise an event delivered live and then replayed by the
   * resume would reach the client twice.
   */
  activate(): void {
    const early = this.early;
    if (!early) return;
    this.early = null;
    for (const live of early) this.offer(live);
  }

  send(frame: ServerFrame | string): void {
    if (this.socket.readyState !== WebSocket.OPEN) return;
    if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.socket.close(CLOSE.tooSlow, 'reading too slowly; reconnect and resume');
      return;
    }
    this.socket.send(typeof frame === 'string' ? frame : frameText(frame));
  }

  /** A live conversation event for this member (already filtered by membership). */
  offer(live: LiveEvent): void {
    if (this.early) {
      this.early.push(live);
      return;
    }
    const id = live.event.conversationId;
    let stream = this.streams.get(id);
    if (!stream) {
      // A conversation joined after connect: its stream starts with this event.
      stream = this.newStream(id, live.event.seq - 1);
      this.streams.set(id, stream);
    }
    stream.offer(live).catch((err: unknown) => this.fail(err));
  }

  /**
   * Replays each named conversation after its cursor, then answers `resumed` with every cursor.
   * Conversations not named keep their place (no backlog). On a socket that is already active a
   * resume replays from the cursor again, even events this socket has sent: the client asked.
   */
  async resume(cursors: Record<string, number>): Promise<void> {
    const ids = Object.keys(cursors);
    const current = await conversationCursorsOf(this.ctx.db, this.orgId, this.memberId, ids);
    const runs: Promise<void>[] = [];
    for (const id of ids) {
      const lastSeq = current.get(id);
      const cursor = cursors[id];
      // Conversations the member does not belong to (any more) are left out of the answer.
      if (lastSeq === undefined || cursor === undefined) continue;
      let stream = this.streams.get(id);
      if (!stream) {
        stream = this.newStream(id, lastSeq);
        this.streams.set(id, stream);
      }
      runs.push(stream.resume(cursor));
    }
    // Held live events go to streams that now start from the client's cursors.
    this.activate();
    await Promise.all(runs);
    const delivered: Record<string, number> = {};
    for (const [id, stream] of this.streams) delivered[id] = stream.delivered;
    this.send({ type: 'resumed', cursors: delivered });
  }

  /** Whether the member belongs to the conversation (known streams answer without a query). */
  async isMemberOf(conversationId: string): Promise<boolean> {
    if (this.streams.has(conversationId)) return true;
    const found = await conversationCursorsOf(this.ctx.db, this.orgId, this.memberId, [conversationId]);
    return found.has(conversationId);
  }

  /** Typing is rate-limited per conversation; true when this notice should go out. */
  takeTypingSlot(conversationId: string): boolean {
    const now = this.ctx.clock.now().getTime();
    const last = this.typingAt.get(conversationId);
    if (last !== undefined && now - last < TYPING_EVERY_MS) return false;
    this.typingAt.set(conversationId, now);
    return true;
  }

  private newStream(conversationId: string, delivered: number): ConversationStream {
    const stream: ConversationStream = new ConversationStream(delivered, {
      fetchAfter: (afterSeq, pageSize) => listEventsAfter(this.ctx.db, this.orgId, conversationId, afterSeq, pageSize),
      send: (live) => {
        // A stream dropped after the member's removal sends nothing more.
        if (this.streams.get(conversationId) !== stream) return;
        this.send(live.text ?? frameText({ type: 'event', event: live.event }));
        const { event } = live;
        if (event.type === 'conversation.member_removed' && memberIdsNamedBy(event).includes(this.memberId)) {
          this.streams.delete(conversationId);
        }
      },
      onSkip: (from, to) =>
        this.ctx.log.warn({ conversationId, from, to }, 'realtime: events missing from the log were skipped'),
    });
    return stream;
  }

  private fail(err: unknown): void {
    this.ctx.log.error({ err, memberId: this.memberId }, 'realtime: delivery failed; closing the socket');
    // The client reconnects and resumes from its cursors, so nothing is lost.
    if (this.socket.readyState === WebSocket.OPEN) this.socket.close(1011, 'delivery failed; resume');
  }
}
