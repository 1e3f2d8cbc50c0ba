import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Headers } from '../../../test/customer-fixtures.js';
import {
  advance,
  chatBodies,
  chatCustomer,
  detail,
  type MassWorld,
  massWorld,
  runJobs,
  setRules,
  statusByName,
  submit,
} from '../../../test/mass-message-fixtures.js';
import { multipartFile, TINY_PNG } from '../../../test/multipart.js';
import { STORE_KINDS } from '../../../test/stores.js';
import { deliverRecipient } from './sending/deliver.js';
import { readSettings } from './settings.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe.each(STORE_KINDS)('sending customer mass messages on %s', (kind) => {
  let w: MassWorld;
  const chats: Record<string, { conversationId: string; customerId: string }> = {};

  beforeAll(async () => {
    w = await massWorld(kind, '群发发送公司');
    for (const [owner, name, tags] of [
      ['s1', '赵女士', ['高意向']],
      ['s1', '钱先生', ['老客户']],
      ['s2', '李女士', ['高意向']],
    ] as const) {
      const c = await chatCustomer(w, owner, name, [...tags]);
      chats[name] = { conversationId: c.visitor.conversationId, customerId: c.customerId };
    }
  });
  afterAll(() => w.close());

  const massBodies = async (name: string) =>
    (await chatBodies(w, chats[name]?.conversationId ?? '')).filter((b) => b.startsWith('群发'));

  /** Moves the clock forward to a Beijing wall-clock time: the cap counts calendar periods there. */
  const moveTo = (beijing: string) => advance(w, Date.parse(`${beijing}+08:00`) - w.server.clock.now().getTime());

  it('sends at once without approval, and at most one mass message per customer per calendar day', async () => {
    await moveTo('2026-03-02T09:00:00');
    await setRules(w, { requireApproval: false });
    const first = await submit(w, 's1', { text: '群发一：新品到店', filter: { tagsAny: [w.tags.高意向] } });
    expect(first.status).toBe('approved');
    await runJobs(w);
    expect(statusByName(await detail(w, 's1', first.id))).toEqual({ 赵女士: 'sent' });

    await moveTo('2026-03-02T23:59:00');
    const second = await submit(w, 's1', { text: '群发二：会员日', filter: {} });
    await runJobs(w);
    const capped = await detail(w, 's1', second.id);
    expect(statusByName(capped)).toEqual({ 赵女士: 'failed:frequency_cap', 钱先生: 'sent' });
    expect(capped).toMatchObject({ status: 'sent', totals: { recipients: 2, sent: 1, failed: 1 } });

    // Two minutes later it is another day in Beijing: the cap starts again.
    await moveTo('2026-03-03T00:01:00');
    const third = await submit(w, 's1', { text: '群发三：周末活动', filter: { tagsAny: [w.tags.高意向] } });
    await runJobs(w);
    expect(statusByName(await detail(w, 's1', third.id))).toEqual({ 赵女士: 'sent' });
    expect(await massBodies('赵女士')).toEqual(['群发一：新品到店', '群发三：周末活动']);
  });

  it('counts the cap over a calendar week from Monday when the org sets it so', async () => {
    await setRules(w, { requireApproval: false, capCount: 2, capPeriod: 'week' });
    await moveTo('2026-03-06T10:00:00'); // a Friday
    const a = await submit(w, 's2', { text: '群发四：本周特惠', filter: {} });
    const b = await submit(w, 's2', { text: '群发五：本周特惠二', filter: {} });
    await runJobs(w);
    expect(statusByName(await detail(w, 's2', a.id))).toEqual({ 李女士: 'sent' });
    expect(statusByName(await detail(w, 's2', b.id))).toEqual({ 李女士: 'sent' });
    await moveTo('2026-03-08T23:00:00'); // Sunday night, the same week
    const c = await submit(w, 's2', { text: '群发六：第三条', filter: {} });
    await runJobs(w);
    expect(statusByName(await detail(w, 's2', c.id))).toEqual({ 李女士: 'failed:frequency_cap' });
    await moveTo('2026-03-09T00:30:00'); // Monday: a new week
    const d = await submit(w, 's2', { text: '群发七：下周', filter: {} });
    await runJobs(w);
    expect(statusByName(await detail(w, 's2', d.id))).toEqual({ 李女士: 'sent' });
  });

  it('waits for each owner to confirm their part when the org asks owners to confirm', async () => {
    await setRules(w, { requireApproval: false, ownerConfirm: true, capCount: 10, capPeriod: 'day' });
    const m = await submit(w, 'sup', { text: '群发八：主管通知', filter: { tagsAny: [w.tags.高意向] } });
    await runJobs(w);
    const waiting = await detail(w, 'sup', m.id);
    expect(waiting.status).toBe('sending');
    expect(statusByName(waiting)).toEqual({ 赵女士: 'awaiting_confirm', 李女士: 'awaiting_confirm' });
    const told = await w.server.ctx.db
      .selectFrom('notifications')
      .select('member_id')
      .where('kind', '=', 'mass_message_confirm')
      .execute();
    expect(told.map((t) => t.member_id).sort()).toEqual([w.ids.s1, w.ids.s2].sort());

    const box = await w.call(w.heads.s1, 'GET', '/api/v1/mass-messages?box=confirm');
    expect(box.json().items).toMatchObject([{ id: m.id, myAwaitingConfirm: 1 }]);
    const mine = await detail(w, 's1', m.id);
    expect(mine.recipients.map((r) => r.customer.name)).toEqual(['赵女士']);

    const confirmed = await w.call(w.heads.s1, 'POST', `/api/v1/mass-messages/${m.id}/confirm`);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(statusByName(await detail(w, 'sup', m.id))).toEqual({ 赵女士: 'sent', 李女士: 'awaiting_confirm' });
    expect((await w.call(w.heads.s1, 'POST', `/api/v1/mass-messages/${m.id}/confirm`)).statusCode).toBe(409);
    await w.call(w.heads.s2, 'POST', `/api/v1/mass-messages/${m.id}/confirm`);
    const done = await detail(w, 'sup', m.id);
    expect(done.status).toBe('sent');
    expect(done.totals).toMatchObject({ sent: 2, awaitingConfirm: 0 });
    expect(await massBodies('李女士')).toContain('群发八：主管通知');
  });

  it('cancels what has not gone out, and a scheduled message waits for its time', async () => {
    await setRules(w, { requireApproval: false, capCount: 10 });
    const at = new Date(w.server.clock.now().getTime() + 2 * HOUR).toISOString();
    const later = await submit(w, 's1', { text: '群发九：预约', filter: {}, scheduledAt: at });
    await runJobs(w);
    expect((await detail(w, 's1', later.id)).totals.sent).toBe(0);
    await advance(w, 3 * HOUR);
    await runJobs(w);
    expect((await detail(w, 's1', later.id)).totals.sent).toBe(2);

    const cancelled = await submit(w, 's1', {
      text: '群发十：取消',
      filter: {},
      scheduledAt: new Date(w.server.clock.now().getTime() + HOUR).toISOString(),
    });
    expect((await w.call(w.heads.s2, 'POST', `/api/v1/mass-messages/${cancelled.id}/cancel`)).statusCode).toBe(404);
    const res = await w.call(w.heads.s1, 'POST', `/api/v1/mass-messages/${cancelled.id}/cancel`);
    expect(res.json()).toMatchObject({ status: 'cancelled', totals: { failed: 2, sent: 0 } });
    await advance(w, 2 * HOUR);
    await runJobs(w);
    expect(await massBodies('钱先生')).not.toContain('群发十：取消');
    expect((await w.call(w.heads.s1, 'POST', `/api/v1/mass-messages/${cancelled.id}/cancel`)).statusCode).toBe(409);
  });

  it('sends an uploaded image to each chat as its own copy, and fails a disabled owner’s part', async () => {
    await setRules(w, { requireApproval: false, capCount: 10 });
    const upload = multipartFile(TINY_PNG, '新品.png', 'image/png');
    const uploaded = await w.server.app.inject({
      method: 'POST',
      url: `/api/v1/conversations/${chats.赵女士?.conversationId}/attachments`,
      headers: { ...w.heads.s1, ...upload.headers },
      payload: upload.payload,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    const attachmentId = uploaded.json().id as string;
    const foreign = await w.call(w.heads.s2, 'POST', '/api/v1/mass-messages', {
      text: '群发十一：图片',
      attachment: { kind: 'image', attachmentId },
      filter: {},
    });
    expect(foreign.statusCode).toBe(404);
    const m = await submit(w, 's1', {
      text: '群发十一：新品图片',
      attachment: { kind: 'image', attachmentId },
      filter: {},
    });
    await runJobs(w);
    expect(statusByName(await detail(w, 's1', m.id))).toEqual({ 赵女士: 'sent', 钱先生: 'sent' });
    await w.server.ctx.db.updateTable('members').set({ status: 'disabled' }).where('id', '=', w.ids.s2).execute();
    const toAll = await submit(w, 'sup', { text: '群发十二：全员', filter: {} });
    await runJobs(w);
    expect(statusByName(await detail(w, 'sup', toAll.id))).toMatchObject({ 李女士: 'failed:owner_inactive' });

    const at = new Date(w.server.clock.now().getTime() + HOUR).toISOString();
    const later = await submit(w, 's1', { text: '群发十三：删除之后', filter: {}, scheduledAt: at });
    const removed = await w.call(w.heads.admin, 'DELETE', `/api/v1/customers/${chats.钱先生?.customerId}`);
    expect(removed.statusCode, removed.body).toBe(200);
    await advance(w, 2 * HOUR);
    await runJobs(w);
    expect(statusByName(await detail(w, 's1', later.id))).toEqual({
      赵女士: 'sent',
      钱先生: 'failed:customer_deleted',
    });
    const images = await w.server.ctx.db
      .selectFrom('messages')
      .select(['conversation_id', 'kind', 'body', 'attachment'])
      .where('body', '=', '群发十一：新品图片')
      .execute();
    expect(images.map((r) => r.kind)).toEqual(['image', 'image']);
    const copies = images.map((r) => JSON.parse(r.attachment ?? '{}') as { id: string; sha256: string });
    expect(new Set(copies.map((c) => c.id)).size).toBe(2);
    expect(new Set(copies.map((c) => c.sha256)).size).toBe(1);
  });

  it('sends a file uploaded in the composer to each chat, and only its uploader may use it', async () => {
    await setRules(w, { requireApproval: false, capCount: 20 });
    const upload = multipartFile('新品价目表：A4 打印机 1999 元', '价目表.txt', 'text/plain');
    const uploaded = await w.server.app.inject({
      method: 'POST',
      url: '/api/v1/mass-messages/uploads',
      headers: { ...w.heads.s1, ...upload.headers },
      payload: upload.payload,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    expect(uploaded.json()).toMatchObject({ kind: 'file', name: '价目表.txt' });
    const attachmentId = uploaded.json().id as string;
    const wrongKind = await w.call(w.heads.s1, 'POST', '/api/v1/mass-messages', {
      text: '群发十四：价目表',
      attachment: { kind: 'image', attachmentId },
      filter: {},
    });
    expect(wrongKind.statusCode).toBe(400);
    const foreign = await w.call(w.heads.sup, 'POST', '/api/v1/mass-messages', {
      text: '群发十四：价目表',
      attachment: { kind: 'file', attachmentId },
      filter: {},
    });
    expect(foreign.statusCode).toBe(404);
    const m = await submit(w, 's1', {
      text: '群发十四：价目表',
      attachment: { kind: 'file', attachmentId },
      filter: {},
    });
    await runJobs(w);
    expect(statusByName(await detail(w, 's1', m.id))).toEqual({ 赵女士: 'sent' });
    const sent = await w.server.ctx.db
      .selectFrom('messages')
      .select(['kind', 'attachment'])
      .where('body', '=', '群发十四：价目表')
      .execute();
    expect(sent.map((r) => [r.kind, (JSON.parse(r.attachment ?? '{}') as { name: string }).name])).toEqual([
      ['file', '价目表.txt'],
    ]);
  });

  it('fails the part of a customer transferred to another owner before it went out', async () => {
    await setRules(w, { requireApproval: false, ownerConfirm: true, capCount: 20 });
    const sun = await chatCustomer(w, 's1', '孙先生', ['老客户']);
    const m = await submit(w, 'sup', { text: '群发十五：老客户回馈', filter: { tagsAny: [w.tags.老客户] } });
    await runJobs(w);
    expect(statusByName(await detail(w, 'sup', m.id))).toEqual({ 孙先生: 'awaiting_confirm' });
    const moved = await w.call(w.heads.admin, 'POST', '/api/v1/customers/transfer', {
      customerIds: [sun.customerId],
      toMemberId: w.ids.sup,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    await advance(w, 25 * HOUR);
    await runJobs(w);
    const owner = await w.server.ctx.db
      .selectFrom('customers')
      .select('owner_id')
      .where('id', '=', sun.customerId)
      .executeTakeFirstOrThrow();
    expect(owner.owner_id).toBe(w.ids.sup);
    // 孙先生's former owner confirms a part that is no longer theirs to send.
    await w.call(w.heads.s1, 'POST', `/api/v1/mass-messages/${m.id}/confirm`);
    expect(statusByName(await detail(w, 'sup', m.id))).toEqual({ 孙先生: 'failed:owner_changed' });
    expect(await chatBodies(w, sun.visitor.conversationId)).not.toContain('群发十五：老客户回馈');
  });

  it('lets only one of two mass messages going out at once through a cap of one a day', async () => {
    await setRules(w, { requireApproval: false, capCount: 1, capPeriod: 'day' });
    await advance(w, DAY);
    const later = new Date(w.server.clock.now().getTime() + HOUR).toISOString();
    const a = await submit(w, 's1', { text: '群发十六：同时一', filter: {}, scheduledAt: later });
    const b = await submit(w, 's1', { text: '群发十七：同时二', filter: {}, scheduledAt: later });
    const { db } = w.server.ctx;
    const row = (id: string) =>
      db.selectFrom('mass_messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const settings = await readSettings(db, w.org.orgId);
    const customerId = chats.赵女士?.customerId ?? '';
    await Promise.all([
      deliverRecipient(w.server.ctx, await row(a.id), customerId, settings),
      deliverRecipient(w.server.ctx, await row(b.id), customerId, settings),
    ]);
    const outcomes = [
      statusByName(await detail(w, 's1', a.id)).赵女士,
      statusByName(await detail(w, 's1', b.id)).赵女士,
    ];
    expect(outcomes.sort()).toEqual(['failed:frequency_cap', 'sent']);
  });

  it('answers no customer with a mass message: the wait stays open until the owner writes', async () => {
    await setRules(w, { requireApproval: false, capCount: 1, capPeriod: 'day' });
    await advance(w, DAY);
    const sun = await chatCustomer(w, 's1', '孙女士', ['投诉']);
    const { conversationId } = sun.visitor;
    const send = (headers: Headers, clientMsgId: string, body: string) =>
      w.call(headers, 'POST', `/api/v1/conversations/${conversationId}/messages`, { clientMsgId, body });
    expect((await send(sun.visitor.headers, 'sun-1', '我的订单还没到')).statusCode).toBe(200);
    await w.server.ctx.bus.drain();
    const m = await submit(w, 's1', { text: '群发十八：售后回访', filter: { tagsAny: [w.tags.投诉] } });
    await runJobs(w);
    expect(statusByName(await detail(w, 's1', m.id))).toEqual({ 孙女士: 'sent' });
    const waits = () =>
      w.server.ctx.db
        .selectFrom('response_waits')
        .select(['answered_at', 'answered_by'])
        .where('conversation_id', '=', conversationId)
        .execute();
    expect(await waits()).toEqual([{ answered_at: null, answered_by: null }]);

    // A member cannot pass their own message off as one Concord sent.
    const posing = await send(w.heads.s1, `mass:${m.id}`, '冒充群发');
    expect(posing.statusCode).toBe(400);
    expect(posing.json().error).toMatchObject({
      code: 'invalid',
      details: { field: 'clientMsgId', reason: 'reserved' },
    });

    expect((await send(w.heads.s1, 's1-answer', '您好，马上为您查询')).statusCode).toBe(200);
    await w.server.ctx.bus.drain();
    expect(await waits()).toEqual([{ answered_at: expect.any(String), answered_by: w.ids.s1 }]);
  });
});
