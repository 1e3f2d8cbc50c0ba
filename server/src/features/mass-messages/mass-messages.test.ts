import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chatCustomer,
  detail,
  type MassWorld,
  massWorld,
  plainCustomer,
  runJobs,
  statusByName,
  submit,
} from '../../../test/mass-message-fixtures.js';
import { STORE_KINDS } from '../../../test/stores.js';

describe.each(STORE_KINDS)('customer mass messages on %s', (kind) => {
  let w: MassWorld;
  const customers: Record<string, string> = {};
  const chats: Record<string, { conversationId: string; headers: { authorization: string } }> = {};

  beforeAll(async () => {
    w = await massWorld(kind, '群发公司');
    for (const [owner, name, tags] of [
      ['s1', '赵女士', ['高意向']],
      ['s1', '钱先生', ['高意向', '老客户']],
      ['s1', '孙先生', ['高意向', '投诉']],
      ['s2', '李女士', ['老客户']],
      ['other', '周先生', ['高意向']],
    ] as const) {
      const c = await chatCustomer(w, owner, name, [...tags]);
      customers[name] = c.customerId;
      chats[name] = { conversationId: c.visitor.conversationId, headers: c.visitor.headers };
    }
    customers.吴先生 = await plainCustomer(w, 's1', '吴先生', ['高意向', '老客户']);
  });
  afterAll(() => w.close());

  const preview = async (who: 's1' | 'sup' | 'admin', filter: object) => {
    const res = await w.call(w.heads[who], 'POST', '/api/v1/mass-messages/preview', { filter });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { total: number; owners: { name: string; count: number }[] };
  };

  it('counts the customers a tag filter reaches: all of, any of, none of, stage, owner and department', async () => {
    const t = w.tags;
    expect((await preview('admin', { tagsAll: [t.高意向, t.老客户] })).total).toBe(2);
    expect((await preview('admin', { tagsAny: [t.老客户, t.投诉] })).total).toBe(4);
    expect((await preview('admin', { tagsAny: [t.高意向], tagsNone: [t.投诉] })).total).toBe(4);
    expect((await preview('admin', { ownerId: w.ids.s2 })).total).toBe(1);
    const sales = await preview('admin', { departmentId: w.departments.sales, tagsAny: [t.高意向] });
    expect(sales).toEqual({ total: 4, owners: [{ id: w.ids.s1, name: '销售甲', count: 4 }] });
    expect((await preview('admin', { departmentId: w.org.rootDepartmentId })).total).toBe(6);
  });

  it('reaches only the customers in the author’s own data scope', async () => {
    expect((await preview('s1', {})).total).toBe(4);
    expect((await preview('s1', { ownerId: w.ids.s2 })).total).toBe(0);
    const sup = await preview('sup', {});
    expect(sup.total).toBe(5);
    expect(sup.owners.map((o) => [o.name, o.count])).toEqual([
      ['销售甲', 4],
      ['销售乙', 1],
    ]);
  });

  it('refuses a text a blocking sensitive rule catches at submission, naming the rule and storing nothing', async () => {
    const lexicon = await w.call(w.heads.admin, 'POST', '/api/v1/compliance/lexicons', {
      name: '违规承诺',
      category: 'custom',
      words: ['保证收益'],
    });
    const rule = await w.call(w.heads.admin, 'POST', '/api/v1/compliance/rules', {
      name: '禁止承诺收益',
      lexiconIds: [lexicon.json().id],
      detectors: [],
      action: 'block',
      scope: 'external',
    });
    expect(rule.statusCode, rule.body).toBe(200);
    const refused = await w.call(w.heads.s1, 'POST', '/api/v1/mass-messages', {
      text: '新品上市，保证收益！',
      filter: { tagsAny: [w.tags.高意向] },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({
      code: 'content_blocked',
      details: { rule: { name: '禁止承诺收益' } },
    });
    const link = await w.call(w.heads.s1, 'POST', '/api/v1/mass-messages', {
      text: '请查看',
      attachment: { kind: 'link', url: 'https://example.test/a', title: '保证收益计划' },
      filter: {},
    });
    expect(link.statusCode).toBe(422);
    const stored = await w.server.ctx.db
      .selectFrom('mass_messages')
      .select('id')
      .where('org_id', '=', w.org.orgId)
      .execute();
    expect(stored).toEqual([]);
  });

  it('waits for the supervisor’s approval, then sends through each owner’s chat and shows who read it', async () => {
    const sent = await submit(w, 's1', {
      text: '双十一活动开始啦，老客户专享八折',
      attachment: { kind: 'link', url: 'https://example.test/sale', title: '活动详情' },
      filter: { tagsAny: [w.tags.老客户, w.tags.高意向], tagsNone: [w.tags.投诉] },
    });
    expect(sent.status).toBe('pending_approval');
    expect(sent.totals).toMatchObject({ recipients: 3, pending: 3, sent: 0 });
    const notified = await w.server.ctx.db
      .selectFrom('notifications')
      .select(['member_id', 'kind'])
      .where('org_id', '=', w.org.orgId)
      .where('kind', '=', 'mass_message_pending_approval')
      .execute();
    expect(notified.map((r) => r.member_id)).toContain(w.ids.sup);
    expect(notified.map((r) => r.member_id)).not.toContain(w.ids.s2);

    expect((await w.call(w.heads.s2, 'POST', `/api/v1/mass-messages/${sent.id}/approve`)).statusCode).toBe(404);
    expect((await w.call(w.heads.s1, 'POST', `/api/v1/mass-messages/${sent.id}/approve`)).statusCode).toBe(403);
    const review = await w.call(w.heads.sup, 'GET', '/api/v1/mass-messages?box=review');
    expect(review.json().items.map((m: { id: string }) => m.id)).toEqual([sent.id]);
    await runJobs(w);
    expect((await detail(w, 's1', sent.id)).totals.sent).toBe(0);

    const approved = await w.call(w.heads.sup, 'POST', `/api/v1/mass-messages/${sent.id}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().status).toBe('approved');
    await runJobs(w);
    const done = await detail(w, 's1', sent.id);
    expect(done.status).toBe('sent');
    expect(statusByName(done)).toEqual({ 赵女士: 'sent', 钱先生: 'sent', 吴先生: 'failed:no_conversation' });
    expect(done.recipients.find((r) => r.customer.name === '吴先生')?.customer.mobile).toMatch(/^139\*{4}\d{4}$/);

    const messages = await w.call(
      chats.赵女士?.headers as { authorization: string },
      'GET',
      `/api/v1/conversations/${chats.赵女士?.conversationId}/messages`,
    );
    const last = (messages.json().items as { body: string; seq: number; sender: { id: string } | null }[]).at(-1);
    expect(last).toMatchObject({
      body: '双十一活动开始啦，老客户专享八折\n活动详情\nhttps://example.test/sale',
      sender: { id: w.ids.s1 },
    });
    const read = await w.call(
      chats.赵女士?.headers as { authorization: string },
      'POST',
      `/api/v1/conversations/${chats.赵女士?.conversationId}/read`,
      { seq: last?.seq },
    );
    expect(read.statusCode, read.body).toBe(200);
    const after = await detail(w, 's1', sent.id);
    expect(statusByName(after).赵女士).toBe('read');
    expect(after.totals).toMatchObject({ recipients: 3, sent: 2, read: 1, failed: 1 });

    await runJobs(w);
    const again = await w.call(
      chats.钱先生?.headers as { authorization: string },
      'GET',
      `/api/v1/conversations/${chats.钱先生?.conversationId}/messages`,
    );
    expect((again.json().items as { body: string }[]).filter((m) => m.body.startsWith('双十一')).length).toBe(1);
    const author = await w.server.ctx.db
      .selectFrom('notifications')
      .select('kind')
      .where('member_id', '=', w.ids.s1)
      .where('kind', '=', 'mass_message_approved')
      .execute();
    expect(author.length).toBe(1);
  });

  it('tells the author why a supervisor rejected it, and sends nothing', async () => {
    const m = await submit(w, 's1', { text: '周末大促', filter: { ownerId: w.ids.s1 } });
    const missing = await w.call(w.heads.sup, 'POST', `/api/v1/mass-messages/${m.id}/reject`, {});
    expect(missing.statusCode).toBe(400);
    const res = await w.call(w.heads.sup, 'POST', `/api/v1/mass-messages/${m.id}/reject`, { reason: '活动未定' });
    expect(res.json()).toMatchObject({ status: 'rejected', reason: '活动未定', approver: { id: w.ids.sup } });
    await runJobs(w);
    expect((await detail(w, 's1', m.id)).totals).toMatchObject({ sent: 0, pending: 4 });
    const again = await w.call(w.heads.sup, 'POST', `/api/v1/mass-messages/${m.id}/approve`);
    expect(again.statusCode).toBe(409);
    const audit = await w.server.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('org_id', '=', w.org.orgId)
      .where('action', 'like', 'mass_message.%')
      .execute();
    expect(new Set(audit.map((a) => a.action))).toEqual(
      new Set(['mass_message.created', 'mass_message.approved', 'mass_message.sent', 'mass_message.rejected']),
    );
  });

  it('keeps a draft to its author until it is submitted, then checks and targets it like any other', async () => {
    const draft = await submit(w, 's1', { text: '草稿：春节问候', filter: { ownerId: w.ids.s2 }, draft: true });
    expect(draft).toMatchObject({ status: 'draft', totals: { recipients: 0 } });
    expect((await w.call(w.heads.sup, 'GET', `/api/v1/mass-messages/${draft.id}`)).statusCode).toBe(404);
    expect((await w.call(w.heads.sup, 'POST', `/api/v1/mass-messages/${draft.id}/submit`)).statusCode).toBe(404);
    const none = await w.call(w.heads.s1, 'POST', `/api/v1/mass-messages/${draft.id}/submit`);
    expect(none.json().error.details).toMatchObject({ reason: 'no_recipients' });
    const edited = await w.call(w.heads.s1, 'PATCH', `/api/v1/mass-messages/${draft.id}`, {
      text: '春节快乐，祝您新年大吉',
      filter: { tagsAll: [w.tags.老客户] },
    });
    expect(edited.json()).toMatchObject({ status: 'draft', text: '春节快乐，祝您新年大吉' });
    const submitted = await w.call(w.heads.s1, 'POST', `/api/v1/mass-messages/${draft.id}/submit`);
    expect(submitted.json()).toMatchObject({ status: 'pending_approval', totals: { recipients: 2 } });
    const late = await w.call(w.heads.s1, 'PATCH', `/api/v1/mass-messages/${draft.id}`, { text: '改', filter: {} });
    expect(late.statusCode).toBe(409);
    expect((await w.call(w.heads.s1, 'POST', `/api/v1/mass-messages/${draft.id}/cancel`)).json().status).toBe(
      'cancelled',
    );
  });

  it('answers bad input with a 4xx and a stable code', async () => {
    const post = (body: object) => w.call(w.heads.s1, 'POST', '/api/v1/mass-messages', body);
    expect((await post({ text: '', filter: {} })).statusCode).toBe(400);
    expect((await post({ text: '你好', filter: { tagsAny: ['not-a-uuid'] } })).statusCode).toBe(400);
    const none = await post({ text: '你好', filter: { ownerId: w.ids.s2 } });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.details).toMatchObject({ reason: 'no_recipients' });
    const unknownTag = await post({ text: '你好', filter: { tagsAll: [w.ids.s2] } });
    expect(unknownTag.json().error.details).toMatchObject({ reason: 'unknown_tag' });
    const past = await post({ text: '你好', filter: {}, scheduledAt: '2000-01-01T00:00:00Z' });
    expect(past.json().error.details).toMatchObject({ reason: 'in_the_past' });
    const settings = await w.call(w.heads.s1, 'PUT', '/api/v1/mass-messages/settings', {
      capCount: 5,
      capPeriod: 'day',
      requireApproval: false,
      ownerConfirm: false,
    });
    expect(settings.statusCode).toBe(403);
    const badCap = await w.call(w.heads.admin, 'PUT', '/api/v1/mass-messages/settings', {
      capCount: 0,
      capPeriod: 'year',
      requireApproval: false,
      ownerConfirm: false,
    });
    expect(badCap.statusCode).toBe(400);
    expect((await w.call(w.heads.other, 'GET', `/api/v1/mass-messages/${w.ids.s1}`)).statusCode).toBe(404);
  });
});
