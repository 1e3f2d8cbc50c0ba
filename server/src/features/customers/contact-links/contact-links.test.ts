import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeLink, visitThroughLink } from '../../../../test/contact-link-fixtures.js';
import { addCustomer, addTagGroup, caller, type Headers } from '../../../../test/customer-fixtures.js';
import { makeMember, makeOrg, sessionFor, type TestOrg } from '../../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../../test/harness.js';
import { type SmtpSink, startSmtpSink } from '../../../../test/smtp-sink.js';
import { STORE_KINDS } from '../../../../test/stores.js';

describe.each(STORE_KINDS)('contact-me links on %s', (kind) => {
  let server: TestServer;
  let smtp: SmtpSink;
  let org: TestOrg;
  let admin: Headers;
  let seller: Headers;
  let sellerId: string;
  let colleague: Headers;
  let tags: Record<string, string>;
  let call: ReturnType<typeof caller>;
  let n = 0;
  const email = () => `visitor${++n}@example.test`;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    server = await startTestServer(kind, { mail: { smtpUrl: smtp.url, from: 'Concord <no-reply@example.test>' } });
    call = caller(server);
    org = await makeOrg(server.ctx, '联系我公司');
    admin = await sessionFor(server.ctx, org.orgId, org.ownerId);
    sellerId = (await makeMember(server.ctx, org, { departmentId: org.rootDepartmentId, name: '销售小王' })).id;
    seller = await sessionFor(server.ctx, org.orgId, sellerId);
    const other = await makeMember(server.ctx, org, { departmentId: org.rootDepartmentId, name: '同事小李' });
    colleague = await sessionFor(server.ctx, org.orgId, other.id);
    tags = (await addTagGroup(server, admin, '来源', ['展会', '转介绍'])).tags;
  });
  afterAll(async () => {
    await server.close();
    await smtp.close();
  });

  async function stageId(name: string): Promise<string> {
    const res = await call(admin, 'GET', '/api/v1/customer-stages');
    const stage = (res.json().items as { id: string; name: string }[]).find((s) => s.name === name);
    if (!stage) throw new Error(`no stage ${name}`);
    return stage.id;
  }

  it('creates a link with tags, stage and welcome message, lists it with its joins, and audits it', async () => {
    const intent = await stageId('意向');
    const link = await makeLink(server, seller, {
      name: '  展会名片 ',
      tagIds: [tags['展会']],
      welcomeMessage: '您好，我是小王，很高兴认识您！',
      stageId: intent,
    });
    expect(link).toMatchObject({
      name: '展会名片',
      owner: { id: sellerId, name: '销售小王' },
      tags: [{ id: tags['展会'], name: '展会' }],
      stage: { id: intent, name: '意向' },
      welcomeMessage: '您好，我是小王，很高兴认识您！',
      joins: 0,
    });
    expect(link.code).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const listed = await call(seller, 'GET', '/api/v1/contact-links');
    expect(listed.json().items.map((l: { id: string }) => l.id)).toContain(link.id);
    const mine = await call(colleague, 'GET', '/api/v1/contact-links');
    expect(mine.json().items).toEqual([]);
    const audit = await server.ctx.db
      .selectFrom('audit_log')
      .select(['actor_id', 'after'])
      .where('org_id', '=', org.orgId)
      .where('action', '=', 'contact_link.created')
      .where('target_id', '=', link.id)
      .executeTakeFirstOrThrow();
    expect(audit.actor_id).toBe(sellerId);
    expect(JSON.parse(audit.after ?? '{}')).toMatchObject({ name: '展会名片', tagIds: [tags['展会']] });
  });

  it('turns a first visit into one customer of the link’s member, with source, tags, stage and the welcome', async () => {
    const link = await makeLink(server, seller, {
      name: '官网',
      tagIds: [tags['转介绍']],
      welcomeMessage: '欢迎咨询',
      stageId: await stageId('初次沟通'),
    });
    const preview = await server.app.inject({ method: 'GET', url: `/api/v1/contact/${link.code}` });
    expect(preview.json()).toMatchObject({
      orgName: '联系我公司',
      memberName: '销售小王',
      linkName: '官网',
      mailConfigured: true,
      archiveNotice: null,
    });
    const address = email();
    const visitor = await visitThroughLink(server, smtp, link.code, address.toUpperCase(), '赵女士');
    expect(visitor.participant).toMatchObject({ name: '赵女士', email: address });

    const customers = await server.ctx.db
      .selectFrom('customers')
      .selectAll()
      .where('org_id', '=', org.orgId)
      .where('email', '=', address)
      .execute();
    expect(customers).toHaveLength(1);
    const customer = customers[0];
    expect(customer).toMatchObject({ name: '赵女士', owner_id: sellerId, source: 'contact_link' });
    const detail = await call(admin, 'GET', `/api/v1/customers/${customer?.id}`);
    expect(detail.json()).toMatchObject({
      source: 'contact_link',
      stage: { name: '初次沟通' },
      tags: [expect.objectContaining({ name: '转介绍' })],
      owner: { id: sellerId },
    });

    const messages = await call(visitor.headers, 'GET', `/api/v1/conversations/${visitor.conversationId}/messages`);
    expect(messages.statusCode).toBe(200);
    expect(
      messages.json().items.map((m: { body: string; sender: { id: string } | null }) => [m.body, m.sender?.id]),
    ).toEqual([['欢迎咨询', sellerId]]);
    const sellerView = await call(seller, 'GET', `/api/v1/conversations/${visitor.conversationId}`);
    expect(sellerView.json()).toMatchObject({ kind: 'external', name: '赵女士' });
    const listed = await call(seller, 'GET', '/api/v1/contact-links');
    expect(listed.json().items.find((l: { id: string }) => l.id === link.id).joins).toBe(1);
  });

  it('signs a returning visitor into the same chat, through any link of the same member, with no second customer', async () => {
    const first = await makeLink(server, seller, { name: '名片A' });
    const second = await makeLink(server, seller, { name: '名片B', tagIds: [tags['展会']] });
    const address = email();
    const a = await visitThroughLink(server, smtp, first.code, address, '钱先生');
    const b = await visitThroughLink(server, smtp, second.code, address, '钱总');
    expect(b.conversationId).toBe(a.conversationId);
    expect(b.participant.id).toBe(a.participant.id);
    const customers = await server.ctx.db
      .selectFrom('customers')
      .select('id')
      .where('org_id', '=', org.orgId)
      .where('email', '=', address)
      .execute();
    expect(customers).toHaveLength(1);
    const links = (await call(seller, 'GET', '/api/v1/contact-links')).json().items as { id: string; joins: number }[];
    expect(links.find((l) => l.id === first.id)?.joins).toBe(1);
    expect(links.find((l) => l.id === second.id)?.joins).toBe(0);
  });

  it('links a visitor whose email is already a customer to that customer, who keeps their owner', async () => {
    const address = email();
    const known = await addCustomer(server, colleague, { name: '孙经理', email: address });
    const link = await makeLink(server, seller, { name: '展台', tagIds: [tags['展会']] });
    const visitor = await visitThroughLink(server, smtp, link.code, address, '孙经理');
    const rows = await server.ctx.db
      .selectFrom('customers')
      .select(['id', 'owner_id'])
      .where('org_id', '=', org.orgId)
      .where('email', '=', address)
      .execute();
    expect(rows).toEqual([{ id: known.id, owner_id: known.owner.id }]);
    const linked = await server.ctx.db
      .selectFrom('customer_conversations')
      .select(['customer_id', 'member_id'])
      .where('conversation_id', '=', visitor.conversationId)
      .executeTakeFirstOrThrow();
    expect(linked).toEqual({ customer_id: known.id, member_id: sellerId });
    const detail = await call(admin, 'GET', `/api/v1/customers/${known.id}`);
    expect(detail.json().tags.map((t: { name: string }) => t.name)).toEqual(['展会']);
  });

  it('lets the owner and a supervisor change or delete a link, refuses colleagues, and audits the deletion', async () => {
    const link = await makeLink(server, seller, { name: '旧名字' });
    const renamed = await call(seller, 'PATCH', `/api/v1/contact-links/${link.id}`, {
      name: '新名字',
      welcomeMessage: '',
    });
    expect(renamed.json()).toMatchObject({ name: '新名字', welcomeMessage: null });
    const byColleague = await call(colleague, 'PATCH', `/api/v1/contact-links/${link.id}`, { name: 'x' });
    expect(byColleague.statusCode).toBe(404);
    expect((await call(colleague, 'DELETE', `/api/v1/contact-links/${link.id}`)).statusCode).toBe(404);
    const byAdmin = await call(admin, 'GET', `/api/v1/contact-links?memberId=${sellerId}`);
    expect(byAdmin.json().items.map((l: { id: string }) => l.id)).toContain(link.id);
    expect((await call(admin, 'DELETE', `/api/v1/contact-links/${link.id}`)).statusCode).toBe(200);
    const gone = await server.app.inject({ method: 'GET', url: `/api/v1/contact/${link.code}` });
    expect(gone.statusCode).toBe(404);
    const code = await server.app.inject({
      method: 'POST',
      url: `/api/v1/contact/${link.code}/email-code`,
      payload: { email: email() },
    });
    expect(code.statusCode).toBe(404);
    const audit = await server.ctx.db
      .selectFrom('audit_log')
      .select(['actor_id', 'before'])
      .where('action', '=', 'contact_link.deleted')
      .where('target_id', '=', link.id)
      .executeTakeFirstOrThrow();
    expect(audit.actor_id).toBe(org.ownerId);
    expect(JSON.parse(audit.before ?? '{}')).toMatchObject({ name: '新名字', ownerId: sellerId });
  });

  it('refuses bad input with a code and writes nothing', async () => {
    const before = await server.ctx.db.selectFrom('contact_links').select('id').execute();
    const blank = await call(seller, 'POST', '/api/v1/contact-links', { name: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error).toMatchObject({ code: 'invalid', details: { field: 'name' } });
    const unknownTag = await call(seller, 'POST', '/api/v1/contact-links', {
      name: '坏标签',
      tagIds: ['0190a000-0000-7000-8000-000000000000'],
    });
    expect(unknownTag.statusCode).toBe(400);
    expect(unknownTag.json().error.details).toMatchObject({ field: 'tagIds', reason: 'unknown_tag' });
    const unknownStage = await call(seller, 'POST', '/api/v1/contact-links', {
      name: '坏阶段',
      stageId: '0190a000-0000-7000-8000-000000000000',
    });
    expect(unknownStage.statusCode).toBe(404);
    const extra = await call(seller, 'POST', '/api/v1/contact-links', { name: 'x', ownerId: sellerId });
    expect(extra.statusCode).toBe(400);
    expect((await server.ctx.db.selectFrom('contact_links').select('id').execute()).length).toBe(before.length);

    const link = await makeLink(server, seller, { name: '验证码' });
    const address = email();
    await server.app.inject({
      method: 'POST',
      url: `/api/v1/contact/${link.code}/email-code`,
      payload: { email: address },
    });
    const wrong = await server.app.inject({
      method: 'POST',
      url: `/api/v1/contact/${link.code}/join`,
      payload: {
        email: address,
        code: '000000' === smtp.lastCodeFor(address) ? '111111' : '000000',
        displayName: '周',
      },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({ code: 'invalid', details: { field: 'code', reason: 'wrong' } });
    const customers = await server.ctx.db.selectFrom('customers').select('id').where('email', '=', address).execute();
    expect(customers).toEqual([]);
    server.clock.advance(61_000);
  });
});
