/**
 * A shared setup for message tests: one server per store, an org with an owner, an admin, two
 * members and an outsider, and helpers to make groups, send and list messages.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { makeMember, makeOrg, sessionFor, type TestOrg } from './factories.js';
import { startTestServer, type TestServer } from './harness.js';
import { makeConversation } from './messaging-factories.js';
import type { StoreKind } from './stores.js';

export type Headers = { authorization: string };
export type Person = { id: string; h: Headers };
export type Msg = {
  id: string;
  conversationId: string;
  seq: number;
  body: string;
  sender: { id: string; name: string } | null;
  mentions: string[];
  mentionAll: boolean;
  recalledAt: string | null;
  editedAt: string | null;
  replyTo: { id: string; seq: number; senderName: string | null; body: string; recalled: boolean } | null;
  clientMsgId: string | null;
  kind: string;
};

export type MessagingFixture = {
  server: TestServer;
  org: TestOrg;
  owner: Person;
  admin: Person;
  alice: Person;
  bob: Person;
  outsider: Person;
  /** A group: owner, admin (admin), alice and bob (members); the outsider is not in it. */
  group(status?: 'active' | 'dissolved'): Promise<string>;
  send(h: Headers, conversationId: string, payload: Record<string, unknown>): ReturnType<TestServer['app']['inject']>;
  sendOk(h: Headers, conversationId: string, body: string, extra?: Record<string, unknown>): Promise<Msg>;
  list(h: Headers, conversationId: string, query?: string): Promise<{ items: Msg[]; hasMore: boolean }>;
  countRows(conversationId: string): Promise<number>;
  /** After moving the clock past a day, sessions have expired: sign everyone in again. */
  refreshSessions(): Promise<void>;
};

/** Registers beforeAll/afterAll and returns the fixture, filled in once beforeAll has run. */
export function useMessagingFixture(kind: StoreKind): MessagingFixture {
  let counter = 0;
  const f = {} as MessagingFixture;
  const person = async (name: string): Promise<Person> => {
    const m = await makeMember(f.server.ctx, f.org, { departmentId: f.org.rootDepartmentId, name });
    return { id: m.id, h: await sessionFor(f.server.ctx, f.org.orgId, m.id) };
  };
  Object.assign(f, {
    group: (status: 'active' | 'dissolved' = 'active') =>
      makeConversation(f.server.ctx, {
        orgId: f.org.orgId,
        status,
        members: [
          { id: f.owner.id, role: 'owner' },
          { id: f.admin.id, role: 'admin' },
          { id: f.alice.id, role: 'member' },
          { id: f.bob.id, role: 'member' },
        ],
      }),
    send: (h: Headers, conversationId: string, payload: Record<string, unknown>) =>
      f.server.app.inject({
        method: 'POST',
        url: `/api/v1/conversations/${conversationId}/messages`,
        headers: h,
        payload: { clientMsgId: `c-${counter++}`, ...payload },
      }),
    async sendOk(h: Headers, conversationId: string, body: string, extra: Record<string, unknown> = {}) {
      const res = await f.send(h, conversationId, { body, ...extra });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as Msg;
    },
    async list(h: Headers, conversationId: string, query = '') {
      const res = await f.server.app.inject({
        method: 'GET',
        url: `/api/v1/conversations/${conversationId}/messages${query}`,
        headers: h,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { items: Msg[]; hasMore: boolean };
    },
    async countRows(conversationId: string) {
      const rows = await f.server.ctx.db
        .selectFrom('messages')
        .select('id')
        .where('conversation_id', '=', conversationId)
        .execute();
      return rows.length;
    },
    async refreshSessions() {
      for (const p of [f.owner, f.admin, f.alice, f.bob, f.outsider]) {
        p.h = await sessionFor(f.server.ctx, f.org.orgId, p.id);
      }
    },
  });

  beforeAll(async () => {
    f.server = await startTestServer(kind);
    f.org = await makeOrg(f.server.ctx);
    f.owner = { id: f.org.ownerId, h: await sessionFor(f.server.ctx, f.org.orgId, f.org.ownerId) };
    f.admin = await person('管理员');
    f.alice = await person('张三');
    f.bob = await person('李四');
    f.outsider = await person('局外人');
  });
  afterAll(() => f.server.close());
  return f;
}
