/** A small WebSocket client for realtime tests: records every frame, waits for frames and closes. */
import type { ClientFrame, ConversationEvent, ServerFrame } from '@concord/protocol';
import { WebSocket } from 'ws';

export type ConnectOptions = {
  /** The bearer token (without "Bearer "). */
  token: string;
  /** How to sign in: the Authorization header, or a first `auth` frame (what browsers do). */
  via?: 'header' | 'frame';
  /** Cursors sent in the auth frame (resume at sign-in). */
  cursors?: Record<string, number>;
};

type Waiter = { test: (f: ServerFrame) => boolean; resolve: (f: ServerFrame) => void };

export class WsTestClient {
  readonly frames: ServerFrame[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private waiters: Waiter[] = [];
  private listeners: Array<(f: ServerFrame) => void> = [];

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const frame = JSON.parse(String(data)) as ServerFrame;
      this.frames.push(frame);
      for (const listener of this.listeners) listener(frame);
      const ready = this.waiters.filter((w) => w.test(frame));
      this.waiters = this.waiters.filter((w) => !ready.includes(w));
      for (const w of ready) w.resolve(frame);
    });
    this.closed = new Promise((resolve) => {
      socket.on('close', (code, reason) => resolve({ code, reason: String(reason) }));
    });
  }

  /** Opens a socket to `baseUrl` (http://host:port) and signs in; does not wait for `ready`. */
  static async open(baseUrl: string, options: ConnectOptions): Promise<WsTestClient> {
    const url = `${baseUrl.replace(/^http/, 'ws')}/api/v1/ws`;
    const via = options.via ?? 'frame';
    const socket = new WebSocket(
      url,
      via === 'header' ? { headers: { authorization: `Bearer ${options.token}` } } : {},
    );
    const client = new WsTestClient(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    if (via === 'frame')
      client.send(
        options.cursors
          ? { type: 'auth', token: options.token, cursors: options.cursors }
          : { type: 'auth', token: options.token },
      );
    return client;
  }

  /** Opens, signs in and waits for `ready`. */
  static async connect(baseUrl: string, options: ConnectOptions): Promise<WsTestClient> {
    const client = await WsTestClient.open(baseUrl, options);
    await client.waitFor((f) => f.type === 'ready');
    return client;
  }

  /** Calls `listener` with every frame from now on. */
  onFrame(listener: (f: ServerFrame) => void): void {
    this.listeners.push(listener);
  }

  send(frame: ClientFrame | Record<string, unknown> | string): void {
    this.socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** The first frame (already received or still to come) that passes `test`. */
  waitFor(test: (f: ServerFrame) => boolean, ms = 5000): Promise<ServerFrame> {
    const seen = this.frames.find(test);
    if (seen) return Promise.resolve(seen);
    return this.waitForNext(test, ms);
  }

  /** The next frame still to come that passes `test`. */
  waitForNext(test: (f: ServerFrame) => boolean, ms = 5000): Promise<ServerFrame> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`no matching frame within ${ms} ms; got ${JSON.stringify(this.frames.slice(-5))}`));
      }, ms);
      const waiter: Waiter = {
        test,
        resolve: (f) => {
          clearTimeout(timer);
          resolve(f);
        },
      };
      this.waiters.push(waiter);
    });
  }

  /** A round trip: every frame the server sent before answering this ping has arrived. */
  async roundTrip(ms = 5000): Promise<void> {
    const pongs = this.frames.filter((f) => f.type === 'pong').length;
    const next = this.waitForNext(() => this.frames.filter((f) => f.type === 'pong').length > pongs, ms);
    this.send({ type: 'ping' });
    await next;
  }

  /** Conversation events received so far, optionally of one conversation. */
  events(conversationId?: string): ConversationEvent[] {
    const out: ConversationEvent[] = [];
    for (const f of this.frames) {
      if (f.type === 'event' && (!conversationId || f.event.conversationId === conversationId)) out.push(f.event);
    }
    return out;
  }

  /** Resumes from `cursors` and waits for the `resumed` answer. */
  async resume(cursors: Record<string, number>, ms = 10_000): Promise<Record<string, number>> {
    const before = this.frames.filter((f) => f.type === 'resumed').length;
    const answer = this.waitForNext(() => this.frames.filter((f) => f.type === 'resumed').length > before, ms);
    this.send({ type: 'resume', cursors });
    const frame = await answer;
    return frame.type === 'resumed' ? frame.cursors : {};
  }

  /** Drops the connection without a closing handshake (a lost network). */
  drop(): void {
    this.listeners = [];
    this.socket.terminate();
  }

  async close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return;
    this.socket.close();
    await this.closed;
  }
}
