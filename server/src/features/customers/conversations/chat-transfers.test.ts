import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeLink, type Visitor, visitThroughLink } from '../../../../test/contact-link-fixtures.js';
import { caller, type Headers } from '../../../../test/customer-fixtures.js';
import { makeMember, makeOrg, sessionFor, type TestOrg } from '../../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../../test/harness.js';
import { type SmtpSink, startSmtpSink } from '../../../../test/smtp-sink.js';
import { STORE_KINDS } from '../../../../test/stores.js';

const HOUR = 3_600_000;

type Message = { body: string; kind: string; sender: { id: string } | null };

describe.each(STORE_KINDS)('customers’ chats and transfers on %s', (kind) => {
  let server: TestServer;
  let smtp: SmtpSink;
  let org: TestOrg;
  let call: ReturnType<typeof caller>;
  const ids = { a: '', b: '', c: '' };
  const heads: Record<'admin' | 'a' | 'b' | 'c', Headers> = {} as Record<'admin' | 'a' | 'b' | 'c', Headers>;
  let n = 0;

  async function signInAgain() {
    heads.admin = await sessionFor(server.ctx, org.orgId, org.ownerId);
    heads.a = await sessionFor(server.ctx, org.orgId, ids.a);
    heads.b = await sessionFor(server.ctx, org.orgId, ids.b);
    heads.c = await sessionFor(server.ctx, org.orgId, ids.c);
  }

  beforeAll(async () => {
    smtp = await startSmtpSink();
    server = await startTestServer(kind, { mail: { smtpUrl: smtp.url, from: 'Concord <no-reply@example.test>' } });
    call = caller(server);
    org = await makeOrg(server.ctx, '会话继承公司');
    const dept = org.rootDepartmentId;
    ids.a = (await makeMember(server.ctx, org, { departmentId: dept, name: '销售甲' })).id;
    ids.b = (await makeMember(server.ctx, org, { departmentId: dept, name: '销售乙' })).id;
    ids.c = (await makeMember(server.ctx, org, { departmentId: dept, name: '销售丙' })).id;
    await signInAgain();
  });
  afterAll(async () => {
    await server.close();
    await smtp.close();
  });

  /** A visitor who joined through A's link, and the customer they became. */
  async function customerOfA(name: string): Promise<{ visitor: Visitor; customerId: string }> {
    const link = await makeLink(server, heads.a, { name: `链接${++n}` });
    const visitor = await visitThroughLink(server, smtp, link.code, `chat${n}@example.test`, name);
    const row = await server.ctx.db
      .selectFrom('customer_conversations')
      .select('customer_id')
      .where('conversation_id', '=', visitor.conversationId)
      .executeTakeFirstOrThrow();
    return { visitor, customerId: row.customer_id };
  }

  async function messagesOf(headers: Headers, conversationId: string): Promise<Message[]> {
    const res = await call(headers, 'GET', `/api/v1/conversations/${conversationId}/messages`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as Message[];
  }

  async function membersOf(conversationId: string): Promise<string[]> {
    const rows = await server.ctx.db
      .selectFrom('conversation_members')
      .select('member_id')
      .where('conversation_id', '=', conversationId)
      .orderBy('member_id')
      .execute();
    return rows.map((r) => r.member_id);
  }

  it('posts the transfer notice into the customer’s chat, and the customer declines it there and stays with A', async () => {
    const { visitor, customerId } = await customerOfA('吴女士');
    const other = await customerOfA('郑先生');
    const res = await call(heads.admin, 'POST', '/api/v1/customers/transfer', {
      customerIds: [customerId],
      toMemberId: ids.b,
      message: '您好，之后由销售乙为您服务，如有疑问请回复。',
    });
    expect(res.statusCode, res.body).toBe(200);
    const transfer = res.json().items[0] as { id: string; notice: { status: string; reason: string | null } };
    expect(transfer.notice).toEqual({ status: 'delivered', reason: null });
    const seen = await messagesOf(visitor.headers, visitor.conversationId);
    expect(seen.at(-1)).toMatchObject({ body: '您好，之后由销售乙为您服务，如有疑问请回复。', sender: { id: ids.a } });

    const waiting = await call(visitor.headers, 'GET', '/api/v1/guest/transfers');
    expect(waiting.json().items).toEqual([
      expect.objectContaining({
        id: transfer.id,
        to: { id: ids.b, name: '销售乙' },
        from: { id: ids.a, name: '销售甲' },
      }),
    ]);
    expect((await call(other.visitor.headers, 'GET', '/api/v1/guest/transfers')).json().items).toEqual([]);
    const stranger = await call(other.visitor.headers, 'POST', `/api/v1/guest/transfers/${transfer.id}/decline`);
    expect(stranger.statusCode).toBe(404);
    const byMember = await call(heads.c, 'POST', `/api/v1/guest/transfers/${transfer.id}/decline`);
    expect(byMember.statusCode).toBe(404);

    const declined = await call(visitor.headers, 'POST', `/api/v1/guest/transfers/${transfer.id}/decline`);
    expect(declined.statusCode, declined.body).toBe(200);
    expect(declined.json().items).toEqual([]);
    const row = await server.ctx.db
      .selectFrom('customer_transfers')
      .select(['status', 'reason'])
      .where('id', '=', transfer.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'declined', reason: 'customer_declined' });
    const again = await call(visitor.headers, 'POST', `/api/v1/guest/transfers/${transfer.id}/decline`);
    expect(again.statusCode).toBe(409);
    server.clock.advance(25 * HOUR);
    await server.runtime.worker.runDue();
    await server.ctx.bus.drain();
    await signInAgain();
    const customer = await server.ctx.db
      .selectFrom('customers')
      .select('owner_id')
      .where('id', '=', customerId)
      .executeTakeFirstOrThrow();
    expect(customer.owner_id).toBe(ids.a);
    expect(await membersOf(visitor.conversationId)).toEqual([ids.a, visitor.participant.id].sort());
    const audit = await server.ctx.db
      .selectFrom('audit_log')
      .select(['actor_id', 'actor_kind'])
      .where('action', '=', 'customer.transfer_declined')
      .where('target_id', '=', customerId)
      .executeTakeFirstOrThrow();
    expect(audit.actor_id).toBe(visitor.participant.id);
  });

  it('hands the chat to B when the 24 hours pass: B joins as owner, A leaves, and B’s reply reaches the customer', async () => {
    const { visitor, customerId } = await customerOfA('冯先生');
    const res = await call(heads.admin, 'POST', '/api/v1/customers/transfer', {
      customerIds: [customerId],
      toMemberId: ids.b,
    });
    expect(res.statusCode, res.body).toBe(200);
    server.clock.advance(24 * HOUR + 1000);
    await server.runtime.worker.runDue();
    await server.ctx.bus.drain();
    await signInAgain();
    expect(await membersOf(visitor.conversationId)).toEqual([ids.b, visitor.participant.id].sort());
    const conversation = await server.ctx.db
      .selectFrom('conversations')
      .select('owner_id')
      .where('id', '=', visitor.conversationId)
      .executeTakeFirstOrThrow();
    expect(conversation.owner_id).toBe(ids.b);
    const reply = await call(heads.b, 'POST', `/api/v1/conversations/${visitor.conversationId}/messages`, {
      clientMsgId: 'b-1',
      body: '冯先生您好，我是销售乙',
    });
    expect(reply.statusCode, reply.body).toBe(200);
    const fresh = await sessionFor(server.ctx, org.orgId, visitor.participant.id);
    expect((await messagesOf(fresh, visitor.conversationId)).at(-1)).toMatchObject({ body: '冯先生您好，我是销售乙' });
    expect((await call(heads.a, 'GET', `/api/v1/conversations/${visitor.conversationId}`)).statusCode).toBe(404);
    const chats = await call(heads.b, 'GET', `/api/v1/customers/${customerId}/conversations`);
    expect(chats.json().items).toEqual([
      expect.objectContaining({
        conversationId: visitor.conversationId,
        member: { id: ids.b, name: '销售乙' },
        canOpen: true,
      }),
    ]);
  });

  it('posts the notice on departure and gives the chat to the successor', async () => {
    const leaver = await makeMember(server.ctx, org, { departmentId: org.rootDepartmentId, name: '离职者' });
    const leaverHeads = await sessionFor(server.ctx, org.orgId, leaver.id);
    const link = await makeLink(server, leaverHeads, { name: '离职者的名片' });
    const visitor = await visitThroughLink(server, smtp, link.code, 'leaving@example.test', '褚女士');
    const res = await call(heads.admin, 'POST', `/api/v1/members/${leaver.id}/offboard`, { successorId: ids.c });
    expect(res.statusCode, res.body).toBe(200);
    const transfer = await server.ctx.db
      .selectFrom('customer_transfers')
      .select(['notice_status', 'message'])
      .where('from_member_id', '=', leaver.id)
      .executeTakeFirstOrThrow();
    expect(transfer).toEqual({ notice_status: 'delivered', message: '您好，后续将由 销售丙 为您服务' });
    expect(await membersOf(visitor.conversationId)).toEqual([ids.c, visitor.participant.id].sort());
    const fresh = await sessionFor(server.ctx, org.orgId, visitor.participant.id);
    expect((await messagesOf(fresh, visitor.conversationId)).at(-1)).toMatchObject({
      body: '您好，后续将由 销售丙 为您服务',
      kind: 'system',
    });
  });

  it('lists the customer’s chats with first contact and last message; only the serving member may open one', async () => {
    const { visitor, customerId } = await customerOfA('蒋先生');
    server.clock.advance(60_000);
    const sent = await call(visitor.headers, 'POST', `/api/v1/conversations/${visitor.conversationId}/messages`, {
      clientMsgId: 'v-1',
      body: '请问报价',
    });
    expect(sent.statusCode, sent.body).toBe(200);
    const mine = await call(heads.a, 'GET', `/api/v1/customers/${customerId}/conversations`);
    const [chat] = mine.json().items as { firstContactAt: string; lastMessageAt: string; canOpen: boolean }[];
    expect(chat?.canOpen).toBe(true);
    expect(chat?.lastMessageAt && chat.firstContactAt && chat.lastMessageAt > chat.firstContactAt).toBe(true);
    const byAdmin = await call(heads.admin, 'GET', `/api/v1/customers/${customerId}/conversations`);
    expect(byAdmin.json().items[0]).toMatchObject({ canOpen: false, member: { id: ids.a } });
    expect((await call(heads.c, 'GET', `/api/v1/customers/${customerId}/conversations`)).statusCode).toBe(404);
  });
});
