/**
 * The console's WebSocket to /api/v1/ws: signs in with the first frame (browsers cannot set
 * headers), resumes from per-conversation cursors, reconnects with exponential backoff, and
 * hands events to `onEvents` exactly once and in seq order (see event-reducer.ts).
 */
import type { ClientFrame, ConversationEvent, ServerFrame } from '@concord/protocol';
import { applyEvent, cursorsOf, type EventState, seedCursors } from './event-reducer';

export type RealtimeHandlers = {
  onEvents: (events: ConversationEvent[]) => void;
  onReceipt: (conversationId: string, memberId: string, readSeq: number) => void;
  onTyping: (conversationId: string, memberId: string) => void;
  onStatus: (online: boolean) => void;
  onSignedOut: () => void;
};

const SIGNED_OUT = 4401;
const BACKOFF_MIN_MS = 1000;
const BACKOFF_MAX_MS = 30_000;
const PING_EVERY_MS = 25_000;

export class RealtimeClient {
  private socket: WebSocket | null = null;
  private state: EventState = {};
  private attempts = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private pingTimer: ReturnType<typeof setInterval> | null = null;
  private stopped = false;
  private readonly listeners = new Set<(frame: ServerFrame) => void>();
  memberId: string | null = null;

  constructor(
    private readonly getToken: () => string | null,
    private readonly handlers: RealtimeHandlers,
  ) {}

  start(): void {
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.socket?.close(1000, 'bye');
    this.socket = null;
  }

  /** Conversations known from the list or a loaded page start at that seq (never moved back). */
  seed(seqs: Record<string, number>): void {
    this.state = seedCursors(this.state, seqs);
  }

  /** Hands other features the frames this feed does not handle itself (e.g. compliance alerts); returns the unsubscribe. */
  listen(listener: (frame: ServerFrame) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  sendTyping(conversationId: string): void {
    this.send({ type: 'typing', conversationId });
  }

  private send(frame: ClientFrame): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(frame));
  }

  private connect(): void {
    const token = this.getToken();
    if (!token || this.stopped) return;
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(`${scheme}//${location.host}/api/v1/ws`);
    this.socket = socket;
    socket.onopen = () => {
      const cursors = cursorsOf(this.state);
      socket.send(
        JSON.stringify({
          type: 'auth',
          token,
          cursors: Object.keys(cursors).length > 0 ? cursors : undefined,
        } satisfies ClientFrame),
      );
    };
    socket.onmessage = (message) => {
      let frame: ServerFrame;
      try {
        frame = JSON.parse(String(message.data)) as ServerFrame;
      } catch {
        return;
      }
      this.receive(frame);
    };
    socket.onclose = (close) => {
      if (this.socket !== socket) return;
      this.socket = null;
      if (this.pingTimer) clearInterval(this.pingTimer);
      this.handlers.onStatus(false);
      if (close.code === SIGNED_OUT) {
        this.handlers.onSignedOut();
        return;
      }
      this.scheduleReconnect();
    };
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    const delay = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** this.attempts) * (0.8 + Math.random() * 0.4);
    this.attempts += 1;
    this.retryTimer = setTimeout(() => this.connect(), delay);
  }

  private receive(frame: ServerFrame): void {
    switch (frame.type) {
      case 'ready':
        this.memberId = frame.memberId;
        this.attempts = 0;
        this.handlers.onStatus(true);
        if (this.pingTimer) clearInterval(this.pingTimer);
        this.pingTimer = setInterval(() => this.send({ type: 'ping' }), PING_EVERY_MS);
        return;
      case 'event': {
        const result = applyEvent(this.state, frame.event);
        this.state = result.state;
        if (result.ready.length > 0) this.handlers.onEvents(result.ready);
        // A gap: ask the server to replay that conversation from the last seq applied.
        if (result.gapAfter !== null)
          this.send({ type: 'resume', cursors: { [frame.event.conversationId]: result.gapAfter } });
        return;
      }
      case 'receipt':
        this.handlers.onReceipt(frame.conversationId, frame.memberId, frame.readSeq);
        return;
      case 'typing':
        this.handlers.onTyping(frame.conversationId, frame.memberId);
        return;
      default:
        for (const listener of this.listeners) listener(frame);
        return;
    }
  }
}
