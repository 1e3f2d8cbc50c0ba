import { describe, expect, it } from 'vitest';
import { type Headers, useMessagingFixture } from '../../../test/messaging-fixture.js';
import { STORE_KINDS } from '../../../test/stores.js';

describe.each(STORE_KINDS)('anti-harassment rules on %s', (kind) => {
  const f = useMessagingFixture(kind);

  const setRules = (h: Headers, id: string, rules: Record<string, unknown>) =>
    f.server.app.inject({
      method: 'PUT',
      url: `/api/v1/conversations/${id}/harassment-rules`,
      headers: h,
      payload: { blockLinks: false, blockedKeywords: [], flood: null, action: 'warn', ...rules },
    });

  async function groupWith(rules: Record<string, unknown>): Promise<string> {
    const id = await f.group();
    const res = await setRules(f.owner.h, id, rules);
    expect(res.statusCode, res.body).toBe(200);
    return id;
  }

  const auditOf = (conversationId: string) =>
    f.server.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'after'])
      .where('target_id', '=', conversationId)
      .where('action', '=', 'conversation.harassment_blocked')
      .execute();

  it('lets the owner set the rules and every member read them; plain members may not set them', async () => {
    const id = await f.group();
    const set = await setRules(f.admin.h, id, {
      blockLinks: true,
      blockedKeywords: ['刷单', ' VX ', 'vx'],
      flood: { maxMessages: 5, perSeconds: 10 },
      action: 'delete',
    });
    expect(set.statusCode, set.body).toBe(200);
    const read = await f.server.app.inject({
      method: 'GET',
      url: `/api/v1/conversations/${id}/harassment-rules`,
      headers: f.alice.h,
    });
    expect(read.json()).toEqual({
      blockLinks: true,
      blockedKeywords: ['刷单', 'VX'],
      flood: { maxMessages: 5, perSeconds: 10 },
      action: 'delete',
    });
    expect((await setRules(f.alice.h, id, { blockLinks: false })).statusCode).toBe(403);
    expect((await setRules(f.outsider.h, id, { blockLinks: false })).statusCode).toBe(404);
    // Other settings survive: the group detail still answers with its own settings.
    const detail = await f.server.app.inject({ method: 'GET', url: `/api/v1/conversations/${id}`, headers: f.alice.h });
    expect(detail.statusCode).toBe(200);
  });

  it('refuses more than 200 keywords, keywords over 50 characters, and blank keywords', async () => {
    const id = await f.group();
    const many = Array.from({ length: 201 }, (_, i) => `词${i}`);
    expect((await setRules(f.owner.h, id, { blockedKeywords: many })).statusCode).toBe(400);
    expect((await setRules(f.owner.h, id, { blockedKeywords: ['长'.repeat(51)] })).statusCode).toBe(400);
    expect((await setRules(f.owner.h, id, { blockedKeywords: ['  '] })).statusCode).toBe(400);
    expect((await setRules(f.owner.h, id, { blockedKeywords: ['长'.repeat(50)] })).statusCode).toBe(200);
  });

  it('refuses a link from a plain member with the rule named, stores nothing, and records the hit', async () => {
    const id = await groupWith({ blockLinks: true });
    const res = await f.send(f.alice.h, id, { body: '福利在 example.com 领取' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'conflict', details: { rule: 'link', action: 'warn' } });
    expect(await f.countRows(id)).toBe(0);
    const audit = await auditOf(id);
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor_id).toBe(f.alice.id);
    expect(JSON.parse(audit[0]?.after ?? '{}')).toMatchObject({ rule: 'link', action: 'warn', removed: false });
    await f.sendOk(f.alice.h, id, '没有链接的正常消息');
  });

  it('refuses a blocked keyword regardless of case, in Chinese too', async () => {
    const id = await groupWith({ blockedKeywords: ['刷单', 'vx'], action: 'delete' });
    for (const body of ['兼职刷单日结', '加我VX']) {
      const res = await f.send(f.bob.h, id, { body });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.details).toMatchObject({ rule: 'keyword', action: 'delete' });
    }
    expect(await f.countRows(id)).toBe(0);
    expect(await auditOf(id)).toHaveLength(2);
  });

  it('refuses an edit that would add a blocked keyword, keeping the original text', async () => {
    const id = await groupWith({ blockedKeywords: ['私下转账'], action: 'warn' });
    const sent = await f.send(f.bob.h, id, { body: '您好，报价已发' });
    expect(sent.statusCode).toBe(200);
    const edit = await f.server.app.inject({
      method: 'PATCH',
      url: `/api/v1/messages/${sent.json().id}`,
      headers: f.bob.h,
      payload: { body: '我们可以私下转账' },
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.details).toMatchObject({ rule: 'keyword' });
    const row = await f.server.ctx.db
      .selectFrom('messages')
      .select('body')
      .where('id', '=', sent.json().id)
      .executeTakeFirstOrThrow();
    expect(row.body).toBe('您好，报价已发');
  });

  it('exempts the owner and admins from every rule', async () => {
    const id = await groupWith({
      blockLinks: true,
      blockedKeywords: ['刷单'],
      flood: { maxMessages: 1, perSeconds: 60 },
    });
    await f.sendOk(f.owner.h, id, '通知见 https://intranet.example.com 不要刷单');
    await f.sendOk(f.admin.h, id, 'www.example.com');
    await f.sendOk(f.admin.h, id, '再发一条');
    expect(await auditOf(id)).toHaveLength(0);
  });

  it('refuses the message past N within M seconds, and allows it again once the window passed', async () => {
    const id = await groupWith({ flood: { maxMessages: 3, perSeconds: 10 } });
    for (let i = 0; i < 3; i++) {
      await f.sendOk(f.alice.h, id, `消息 ${i}`);
      f.server.clock.advance(1000);
    }
    const flood = await f.send(f.alice.h, id, { body: '第四条' });
    expect(flood.statusCode).toBe(409);
    expect(flood.json().error.details).toMatchObject({ rule: 'flood' });
    // Another member has their own budget.
    await f.sendOk(f.bob.h, id, '我没有刷屏');
    // 10 s after the first message it has left the window.
    f.server.clock.advance(7001);
    await f.sendOk(f.alice.h, id, '第四条');
    expect(await f.countRows(id)).toBe(5);
  });

  it('removes a member who breaks a rule under the remove action; the group is then 404 to them', async () => {
    const id = await groupWith({ blockedKeywords: ['广告'], action: 'remove' });
    const res = await f.send(f.bob.h, id, { body: '打个广告' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details).toMatchObject({ rule: 'keyword', action: 'remove', removed: true });
    expect(await f.countRows(id)).toBe(0);
    const again = await f.send(f.bob.h, id, { body: '正常消息' });
    expect(again.statusCode).toBe(404);
    const view = await f.server.app.inject({ method: 'GET', url: `/api/v1/conversations/${id}`, headers: f.bob.h });
    expect(view.statusCode).toBe(404);
    const removed = await f.server.ctx.db
      .selectFrom('conversation_events')
      .select(['type', 'payload'])
      .where('conversation_id', '=', id)
      .where('type', '=', 'conversation.member_removed')
      .execute();
    expect(removed).toHaveLength(1);
    expect(JSON.parse(removed[0]?.payload ?? '{}')).toMatchObject({ memberIds: [f.bob.id], reason: 'harassment' });
    expect(JSON.parse((await auditOf(id))[0]?.after ?? '{}')).toMatchObject({ rule: 'keyword', removed: true });
  });
});
