/** Shared set-up for realtime tests: a listening server, members with tokens, and conversations. */
import type { ConversationEvent } from '@concord/protocol';
import type { Ctx } from '../src/app/context.js';
import { appendConversationEvent, publishEvents } from '../src/features/messaging/event-log.js';
import { makeMember, makeOrg, sessionFor, type TestOrg } from './factories.js';
import type { TestServer } from './harness.js';
import { WsTestClient } from './ws-client.js';

export type Person = { id: string; token: string; authorization: string };

/** Starts listening on a free loopback port; returns the base URL. */
export async function listen(server: TestServer): Promise<string> {
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const address = server.app.server.address();
  if (!address || typeof address === 'string') throw new Error('not listening');
  return `http://127.0.0.1:${address.port}`;
}

export async function person(ctx: Ctx, org: TestOrg, name: string): Promise<Person> {
  const member = await makeMember(ctx, org, { departmentId: org.rootDepartmentId, name });
  const { authorization } = await sessionFor(ctx, org.orgId, member.id);
  return { id: member.id, authorization, token: authorization.slice('Bearer '.length) };
}

export async function orgWithPeople(ctx: Ctx, names: string[]): Promise<{ org: TestOrg; people: Person[] }> {
  const org = await makeOrg(ctx);
  const people: Person[] = [];
  for (const name of names) people.push(await person(ctx, org, name));
  return { org, people };
}

/** A group conversation written straight to the store (independent of the conversation API). */
export async function makeGroup(ctx: Ctx, orgId: string, memberIds: string[], kind = 'group'): Promise<string> {
  const id = ctx.ids.next();
  const now = ctx.clock.now().toISOString();
  const owner = memberIds[0] ?? null;
  await ctx.db
    .insertInto('conversations')
    .values({
      id,
      org_id: orgId,
      kind,
      name: kind === 'direct' ? null : '项目群',
      avatar_url: null,
      owner_id: kind === 'direct' ? null : owner,
      announcement: null,
      announcement_at: null,
      settings: '{}',
      member_limit: 2000,
      department_id: null,
      direct_key: kind === 'direct' ? [...memberIds].sort().join(':') : null,
      last_seq: 0,
      status: 'active',
      created_by: owner,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await ctx.db
    .insertInto('conversation_members')
    .values(
      memberIds.map((memberId, i) => ({
        org_id: orgId,
        conversation_id: id,
        member_id: memberId,
        role: i === 0 && kind !== 'direct' ? 'owner' : 'member',
        joined_at: now,
        read_seq: 0,
        pinned: 0,
        muted: 0,
      })),
    )
    .execute();
  return id;
}

/** Appends one `message.created` event to the log and publishes it, as a send would. */
export async function appendEvent(
  ctx: Ctx,
  orgId: string,
  conversationId: string,
  actorId: string,
  body: string,
  type: 'message.created' | 'conversation.member_added' | 'conversation.member_removed' = 'message.created',
  payload: Record<string, unknown> = { body },
): Promise<number> {
  const event = await ctx.db
    .transaction()
    .execute((tx) => appendConversationEvent(ctx, tx, { orgId, conversationId, type, actorId, payload }));
  publishEvents(ctx, [event]);
  return event.seq;
}

/** A seeded PRNG (mulberry32) so random schedules repeat. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Asserts seqs run 1, 2, 3… without gaps or repeats, starting after `from`. */
export function isConsecutive(seqs: number[], from = 0): boolean {
  return seqs.every((seq, i) => seq === from + i + 1);
}

/**
 * A client that keeps one conversation's view the way an app would: it records every event it
 * is shown, remembers the last seq, and after each drop reconnects with that cursor.
 */
export class ResumingViewer {
  readonly seen: ConversationEvent[] = [];
  cursor = 0;
  private client: WsTestClient | null = null;
  private waiters: Array<{ seq: number; resolve: () => void }> = [];

  constructor(
    private readonly token: string,
    private readonly conversationId: string,
  ) {}

  /** Connects (resuming from the cursor) and resolves once the catch-up is answered. */
  async connect(baseUrl: string): Promise<void> {
    const client = await WsTestClient.open(baseUrl, {
      token: this.token,
      cursors: { [this.conversationId]: this.cursor },
    });
    this.client = client;
    client.onFrame((frame) => {
      if (frame.type !== 'event' || frame.event.conversationId !== this.conversationId) return;
      this.seen.push(frame.event);
      this.cursor = frame.event.seq;
      const done = this.waiters.filter((w) => this.cursor >= w.seq);
      this.waiters = this.waiters.filter((w) => this.cursor < w.seq);
      for (const w of done) w.resolve();
    });
    await client.waitFor((f) => f.type === 'resumed', 15_000);
  }

  /** Loses the connection abruptly (no close handshake). */
  drop(): void {
    this.client?.drop();
    this.client = null;
  }

  get connected(): boolean {
    return this.client !== null;
  }

  /** Resolves once the viewer has been shown `seq`. */
  reach(seq: number, ms = 15_000): Promise<void> {
    if (this.cursor >= seq) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`viewer stuck at ${this.cursor}, wanted ${seq}`)), ms);
      this.waiters.push({
        seq,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  async close(): Promise<void> {
    await this.client?.close();
    this.client = null;
  }
}
