import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptedArchiveNotice } from '../../../../test/archive-consent-fixture.js';
import { createGroup, type Person, person } from '../../../../test/conversation-fixtures.js';
import { makeDepartment, makeOrg, sessionFor, type TestOrg } from '../../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../../test/harness.js';
import { STORE_KINDS } from '../../../../test/stores.js';
import { buildApp } from '../../../app/build-app.js';
import { createRuntime } from '../../../app/runtime.js';
import type { App } from '../../../http/app-type.js';

type Headers = { authorization: string };
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

describe.each(STORE_KINDS)('sensitive-content rules on %s', (kind) => {
  let server: TestServer;
  let org: TestOrg;
  let admin: Headers;
  let seller: Person;
  let colleague: Person;
  let hrClerk: Person;
  let sales: string;
  let counter = 0;

  beforeAll(async () => {
    server = await startTestServer(kind);
    org = await makeOrg(server.ctx);
    admin = await sessionFor(server.ctx, org.orgId, org.ownerId);
    sales = await makeDepartment(server.ctx, org.orgId, org.rootDepartmentId, '销售部');
    const shop = await makeDepartment(server.ctx, org.orgId, sales, '一店');
    const hr = await makeDepartment(server.ctx, org.orgId, org.rootDepartmentId, '人事部');
    seller = await person(server.ctx, org, '门店销售', shop);
    colleague = await person(server.ctx, org, '同事', shop);
    hrClerk = await person(server.ctx, org, '人事专员', hr);
  });
  afterAll(() => server.close());

  const call = async (headers: Headers, method: Method, url: string, payload?: object, app: App = server.app) => {
    const res = await app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
    await server.ctx.bus.drain();
    return res;
  };
  const send = (who: Person, conversationId: string, body: string) =>
    call(who.headers, 'POST', `/api/v1/conversations/${conversationId}/messages`, {
      clientMsgId: `m-${counter++}`,
      body,
    });
  const lexicon = async (name: string, words: string[], category = 'custom') => {
    const res = await call(admin, 'POST', '/api/v1/compliance/lexicons', { name, category, words });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { id: string; version: number; words: string[] };
  };
  const rule = async (body: Record<string, unknown>) => {
    const res = await call(admin, 'POST', '/api/v1/compliance/rules', { detectors: [], lexiconIds: [], ...body });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { id: string; name: string };
  };
  const dropRule = async (id: string) =>
    expect((await call(admin, 'DELETE', `/api/v1/compliance/rules/${id}`)).statusCode).toBe(200);
  const group = async (extra: Record<string, unknown> = {}) =>
    (await createGroup(server, seller, { name: `群${counter++}`, memberIds: [colleague.id, hrClerk.id], ...extra })).id;
  const messageRows = (conversationId: string) =>
    server.ctx.db
      .selectFrom('messages')
      .select(['id', 'body', 'original_body'])
      .where('conversation_id', '=', conversationId)
      .orderBy('seq')
      .execute();
  const alertsOf = (ruleId: string) =>
    server.ctx.db.selectFrom('sensitive_alerts').selectAll().where('rule_id', '=', ruleId).orderBy('id').execute();
  const listed = async (who: Person, conversationId: string) =>
    (await call(who.headers, 'GET', `/api/v1/conversations/${conversationId}/messages`)).json() as {
      items: { id: string; body: string }[];
    };

  it('refuses a message a block rule hits with 422 content_blocked naming the rule and the word, storing nothing', async () => {
    const words = await lexicon('私下交易', ['私下转账', '转我私人账户'], 'private_payment');
    const blocking = await rule({ name: '禁止私下交易', lexiconIds: [words.id], action: 'block', scope: 'all' });
    const chat = await group();

    const res = await send(seller, chat, '我们私下转账吧');
    expect(res.statusCode).toBe(422);
    const error = res.json().error;
    expect(error.code).toBe('content_blocked');
    expect(error.message).toContain('禁止私下交易');
    expect(error.details.rule).toEqual({ id: blocking.id, name: '禁止私下交易' });
    expect(error.details.hits).toEqual([
      { type: 'word', word: '私下转账', category: 'private_payment', text: '私下转账' },
    ]);
    expect(await messageRows(chat)).toEqual([]);
    const alerts = await alertsOf(blocking.id);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      outcome: 'block',
      action: 'block',
      message_id: null,
      sender_id: seller.id,
      body: '我们私下转账吧',
      status: 'new',
      source: 'send',
    });
    expect((await send(seller, chat, '我们走公司账户吧')).statusCode).toBe(200);
    await dropRule(blocking.id);
  });

  it('masks an evasive spelling for recipients and keeps the text as written out of every API answer', async () => {
    const words = await lexicon('引流', ['加我微信'], 'poaching');
    const masking = await rule({ name: '屏蔽引流', lexiconIds: [words.id], action: 'mask', scope: 'all' });
    const chat = await group();

    const res = await send(seller, chat, '加*我*微*信 细聊');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().body).toBe('******* 细聊');
    const seen = await listed(colleague, chat);
    expect(seen.items.map((m) => m.body)).toEqual(['******* 细聊']);
    expect(JSON.stringify(seen)).not.toContain('加*我');
    expect(await messageRows(chat)).toEqual([
      { id: res.json().id, body: '******* 细聊', original_body: '加*我*微*信 细聊' },
    ]);
    // The event log (what the WebSocket pushes and resume replays) carries only the masked text.
    const events = await server.ctx.db
      .selectFrom('conversation_events')
      .select('payload')
      .where('conversation_id', '=', chat)
      .execute();
    expect(events.map((e) => e.payload).join()).not.toContain('加*我');
    expect(await alertsOf(masking.id)).toMatchObject([
      { outcome: 'mask', message_id: res.json().id, body: '加*我*微*信 细聊' },
    ]);
    // Spaces between the characters are separators too.
    expect((await send(seller, chat, '加 我 微 信')).json().body).toBe('*******');
    await dropRule(masking.id);
  });

  it('records a hit of a record rule and delivers the message as written', async () => {
    const recording = await rule({ name: '记录手机号', detectors: ['mobile'], action: 'record', scope: 'all' });
    const chat = await group();
    const res = await send(seller, chat, '我的手机 138 1234 5678');
    expect(res.statusCode).toBe(200);
    expect(res.json().body).toBe('我的手机 138 1234 5678');
    expect((await messageRows(chat))[0]?.original_body).toBeNull();
    const [alert] = await alertsOf(recording.id);
    expect(alert).toMatchObject({ outcome: 'record', message_id: res.json().id });
    expect(JSON.parse(alert?.hits ?? '[]')).toEqual([
      { type: 'detector', kind: 'mobile', start: 5, end: 18, text: '138 1234 5678' },
    ]);
    await dropRule(recording.id);
  });

  it('applies the strongest action when several rules hit and raises an alert for each', async () => {
    const words = await lexicon('多规则词库', ['返现'], 'false_promise');
    const rec = await rule({ name: '记录返现', lexiconIds: [words.id], action: 'record', scope: 'all' });
    const mask = await rule({
      name: '屏蔽返现',
      lexiconIds: [words.id],
      detectors: ['email'],
      action: 'mask',
      scope: 'all',
    });
    const chat = await group();
    const res = await send(seller, chat, '下单返现，联系 a.b@example.com');
    expect(res.json().body).toBe('下单**，联系 ***************');
    expect(await alertsOf(rec.id)).toMatchObject([{ outcome: 'mask', action: 'record' }]);
    expect(await alertsOf(mask.id)).toMatchObject([{ outcome: 'mask', action: 'mask' }]);
    await dropRule(rec.id);
    await dropRule(mask.id);
  });

  it('checks edits too: a blocked edit changes nothing, a masked edit keeps its original, a clean edit clears it', async () => {
    const blockWords = await lexicon('编辑拦截', ['私单']);
    const maskWords = await lexicon('编辑屏蔽', ['返点']);
    const block = await rule({ name: '编辑拦截规则', lexiconIds: [blockWords.id], action: 'block', scope: 'all' });
    const mask = await rule({ name: '编辑屏蔽规则', lexiconIds: [maskWords.id], action: 'mask', scope: 'all' });
    const chat = await group();
    const sent = (await send(seller, chat, '报价单已发')).json() as { id: string };

    const refused = await call(seller.headers, 'PATCH', `/api/v1/messages/${sent.id}`, { body: '接个私单' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details.rule.name).toBe('编辑拦截规则');
    expect(await messageRows(chat)).toEqual([{ id: sent.id, body: '报价单已发', original_body: null }]);
    expect(await alertsOf(block.id)).toMatchObject([{ source: 'edit', message_id: sent.id, outcome: 'block' }]);

    const masked = await call(seller.headers, 'PATCH', `/api/v1/messages/${sent.id}`, { body: '给你返点' });
    expect(masked.json().body).toBe('给你**');
    expect(await messageRows(chat)).toEqual([{ id: sent.id, body: '给你**', original_body: '给你返点' }]);
    expect(await alertsOf(mask.id)).toMatchObject([{ source: 'edit', message_id: sent.id, outcome: 'mask' }]);

    await call(seller.headers, 'PATCH', `/api/v1/messages/${sent.id}`, { body: '报价单已更新' });
    expect(await messageRows(chat)).toEqual([{ id: sent.id, body: '报价单已更新', original_body: null }]);
    await dropRule(block.id);
    await dropRule(mask.id);
  });

  it('keeps the original of a masked message in the archive beside what recipients saw', async () => {
    const words = await lexicon('存档屏蔽', ['私聊号']);
    const mask = await rule({ name: '存档屏蔽规则', lexiconIds: [words.id], action: 'mask', scope: 'all' });
    await acceptedArchiveNotice(server.ctx, org.orgId, [seller.id]);
    expect((await call(admin, 'PUT', '/api/v1/archive/settings', { enabled: true, scope: 'all' })).statusCode).toBe(
      200,
    );
    server.clock.advance(1000);
    const chat = await group();
    const sent = (await send(seller, chat, '这是我的私聊号')).json() as { id: string };
    await call(seller.headers, 'PATCH', `/api/v1/messages/${sent.id}`, { body: '换个私聊号' });
    await server.ctx.bus.drain();

    const records = await server.ctx.db
      .selectFrom('archive_records')
      .select(['type', 'content'])
      .where('conversation_id', '=', chat)
      .where('type', 'in', ['message.created', 'message.edited'])
      .orderBy('seq')
      .execute();
    const contents = records.map((r) => JSON.parse(r.content ?? '{}'));
    expect(contents[0]).toMatchObject({ body: '这是我的私聊号', maskedBody: '这是我的***' });
    expect(contents[1]).toMatchObject({ previousBody: '这是我的***', body: '换个私聊号', maskedBody: '换个***' });
    expect((await call(admin, 'PUT', '/api/v1/archive/settings', { enabled: false, scope: 'all' })).statusCode).toBe(
      200,
    );
    await dropRule(mask.id);
  });

  it('applies an external-only rule in external groups and not in internal ones', async () => {
    const words = await lexicon('外部词库', ['底价']);
    const external = await rule({ name: '外部群拦截', lexiconIds: [words.id], action: 'block', scope: 'external' });
    const internal = await group();
    const outside = await group({ kind: 'external' });
    expect((await send(seller, internal, '底价是多少')).statusCode).toBe(200);
    const res = await send(seller, outside, '底价是多少');
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.rule.id).toBe(external.id);
    await dropRule(external.id);
  });

  it('applies a department rule to senders in the department or below it and to nobody else', async () => {
    const words = await lexicon('部门词库', ['内部价']);
    const scoped = await rule({
      name: '销售部拦截',
      lexiconIds: [words.id],
      action: 'block',
      scope: 'departments',
      departmentIds: [sales],
    });
    const chat = await group();
    expect((await send(seller, chat, '内部价给你')).statusCode).toBe(422);
    expect((await send(hrClerk, chat, '内部价给你')).statusCode).toBe(200);
    await dropRule(scoped.id);
  });

  it('uses a changed lexicon or rule from the next message, also on another node that had it cached', async () => {
    // A second node over the same database, with its own compiled rules and its own bus.
    const other = await createRuntime({
      config: server.ctx.config,
      clock: server.clock,
      store: server.ctx.store,
      log: pino({ level: 'silent' }),
    });
    const otherApp = await buildApp(other.ctx);
    await otherApp.ready();
    try {
      const words = await lexicon('热更新', ['词一']);
      const blocking = await rule({ name: '热更新规则', lexiconIds: [words.id], action: 'block', scope: 'all' });
      const chat = await group();
      const sendOn = (app: App, body: string) =>
        call(
          seller.headers,
          'POST',
          `/api/v1/conversations/${chat}/messages`,
          { clientMsgId: `n-${counter++}`, body },
          app,
        );
      expect((await sendOn(otherApp, '词二')).statusCode).toBe(200);
      expect((await sendOn(otherApp, '词一')).statusCode).toBe(422);

      const changed = await call(admin, 'PATCH', `/api/v1/compliance/lexicons/${words.id}`, { words: ['词二'] });
      expect(changed.json()).toMatchObject({ version: 2, words: ['词二'] });
      expect((await sendOn(otherApp, '词二')).statusCode).toBe(422);
      expect((await sendOn(otherApp, '词一')).statusCode).toBe(200);

      await call(admin, 'PATCH', `/api/v1/compliance/rules/${blocking.id}`, { enabled: false });
      expect((await sendOn(otherApp, '词二')).statusCode).toBe(200);
      await call(admin, 'PATCH', `/api/v1/compliance/rules/${blocking.id}`, { enabled: true, action: 'mask' });
      expect((await sendOn(otherApp, '词二')).json().body).toBe('**');
      await dropRule(blocking.id);
      expect((await sendOn(otherApp, '词二')).json().body).toBe('词二');
    } finally {
      await otherApp.close();
      await other.worker.stop();
      await other.ctx.bus.close();
    }
  });

  it('answers "test this text" with each rule’s hits, the action that would apply and the masked text', async () => {
    const words = await lexicon('测试词库', ['私下转账']);
    const block = await rule({ name: '测试拦截', lexiconIds: [words.id], action: 'block', scope: 'external' });
    const record = await rule({ name: '测试记录', detectors: ['mobile'], action: 'record', scope: 'all' });
    const res = await call(admin, 'POST', '/api/v1/compliance/rules/test', { text: '私下 转账到 13812345678' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      action: 'block',
      masked: '*****到 13812345678',
      rules: [
        {
          id: block.id,
          name: '测试拦截',
          action: 'block',
          scope: 'external',
          hits: [{ type: 'word', word: '私下转账', category: 'custom', start: 0, end: 5, text: '私下 转账' }],
        },
        {
          id: record.id,
          name: '测试记录',
          action: 'record',
          scope: 'all',
          hits: [{ type: 'detector', kind: 'mobile', start: 7, end: 18, text: '13812345678' }],
        },
      ].sort((a, b) => (a.id < b.id ? -1 : 1)),
    });
    const none = await call(admin, 'POST', '/api/v1/compliance/rules/test', { text: '你好' });
    expect(none.json()).toEqual({ action: null, masked: '你好', rules: [] });
    const member = await call(seller.headers, 'POST', '/api/v1/compliance/rules/test', { text: '你好' });
    expect(member.statusCode).toBe(403);
    await dropRule(block.id);
    await dropRule(record.id);
  });

  it('keeps lexicons in order: de-duplicates words by what they match, versions every change, audits it', async () => {
    const created = await lexicon('去重词库', ['加我微信', ' 加我微信 ', '加我微信', 'VX', 'vx', 'ＶＸ']);
    expect(created).toMatchObject({ version: 1, words: ['加我微信', 'VX'] });
    const renamed = await call(admin, 'PATCH', `/api/v1/compliance/lexicons/${created.id}`, { name: '去重词库二' });
    expect(renamed.json()).toMatchObject({ version: 2, name: '去重词库二', wordCount: 2 });
    const same = await call(admin, 'PATCH', `/api/v1/compliance/lexicons/${created.id}`, { name: '去重词库二' });
    expect(same.json().version).toBe(2);
    const list = await call(admin, 'GET', '/api/v1/compliance/lexicons');
    expect(list.json().items.find((l: { id: string }) => l.id === created.id)).toEqual({
      id: created.id,
      name: '去重词库二',
      category: 'custom',
      version: 2,
      wordCount: 2,
      updatedAt: expect.any(String),
    });
    const actions = await server.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('target_id', '=', created.id)
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['compliance.lexicon_created', 'compliance.lexicon_updated']);
    expect(JSON.parse(actions[0]?.after ?? '{}')).toMatchObject({ wordCount: 2, added: ['加我微信', 'VX'] });

    const user = await rule({ name: '使用去重词库', lexiconIds: [created.id], action: 'record', scope: 'all' });
    const refused = await call(admin, 'DELETE', `/api/v1/compliance/lexicons/${created.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details.rules).toEqual([{ id: user.id, name: '使用去重词库' }]);
    await dropRule(user.id);
    expect((await call(admin, 'DELETE', `/api/v1/compliance/lexicons/${created.id}`)).statusCode).toBe(200);
    expect((await call(admin, 'GET', `/api/v1/compliance/lexicons/${created.id}`)).statusCode).toBe(404);
  });

  it('refuses bad lexicons and rules with a 4xx code and message, writing nothing', async () => {
    const count = async () => {
      const [lexicons, rules, audit, sets] = await Promise.all([
        server.ctx.db.selectFrom('sensitive_lexicons').select('id').where('org_id', '=', org.orgId).execute(),
        server.ctx.db.selectFrom('sensitive_rules').select('id').where('org_id', '=', org.orgId).execute(),
        server.ctx.db.selectFrom('audit_log').select('id').where('org_id', '=', org.orgId).execute(),
        server.ctx.db.selectFrom('sensitive_rule_sets').selectAll().where('org_id', '=', org.orgId).execute(),
      ]);
      return { lexicons: lexicons.length, rules: rules.length, audit: audit.length, sets };
    };
    const existing = await lexicon('已有词库', ['已有']);
    const before = await count();
    const post = (url: string, payload: object) => call(admin, 'POST', `/api/v1/compliance/${url}`, payload);
    const bad: [string, object, number, string][] = [
      ['lexicons', { name: '空词', category: 'custom', words: ['好词', '  '] }, 400, 'invalid'],
      ['lexicons', { name: '长词', category: 'custom', words: ['长'.repeat(51)] }, 400, 'invalid'],
      ['lexicons', { name: '符号', category: 'custom', words: ['***'] }, 400, 'invalid'],
      ['lexicons', { name: '分类', category: 'spam', words: ['词'] }, 400, 'invalid'],
      ['lexicons', { name: '   ', category: 'custom', words: ['词'] }, 400, 'invalid'],
      ['lexicons', { name: '已有词库', category: 'custom', words: ['词'] }, 409, 'conflict'],
      [
        'lexicons',
        { name: '太多', category: 'custom', words: Array.from({ length: 10_001 }, (_, i) => `词${i}`) },
        422,
        'limit_exceeded',
      ],
      ['rules', { name: '空规则', lexiconIds: [], detectors: [], action: 'block', scope: 'all' }, 400, 'invalid'],
      ['rules', { name: ' ', lexiconIds: [existing.id], detectors: [], action: 'block', scope: 'all' }, 400, 'invalid'],
      [
        'rules',
        {
          name: '未知词库',
          lexiconIds: [existing.id, '00000000-0000-4000-8000-000000000000'],
          detectors: [],
          action: 'block',
          scope: 'all',
        },
        404,
        'not_found',
      ],
      ['rules', { name: '坏检测', lexiconIds: [], detectors: ['ssn'], action: 'block', scope: 'all' }, 400, 'invalid'],
      [
        'rules',
        { name: '坏动作', lexiconIds: [existing.id], detectors: [], action: 'delete', scope: 'all' },
        400,
        'invalid',
      ],
      [
        'rules',
        { name: '无部门', lexiconIds: [existing.id], detectors: [], action: 'mask', scope: 'departments' },
        400,
        'invalid',
      ],
      [
        'rules',
        {
          name: '外部门',
          lexiconIds: [existing.id],
          detectors: [],
          action: 'mask',
          scope: 'departments',
          departmentIds: ['00000000-0000-4000-8000-000000000000'],
        },
        404,
        'not_found',
      ],
    ];
    for (const [url, payload, status, code] of bad) {
      const res = await post(url, payload);
      expect(res.statusCode, `${url} ${JSON.stringify(payload).slice(0, 80)}`).toBe(status);
      expect(res.json().error.code).toBe(code);
      expect(res.json().error.message.length).toBeGreaterThan(0);
    }
    const unknown = await post('rules', {
      name: '未知词库',
      lexiconIds: ['00000000-0000-4000-8000-000000000000'],
      detectors: [],
      action: 'block',
      scope: 'all',
    });
    expect(unknown.json().error.details).toEqual({
      field: 'lexiconIds',
      ids: ['00000000-0000-4000-8000-000000000000'],
    });
    const empty = await post('lexicons', { name: '空词', category: 'custom', words: ['好词', '  '] });
    expect(empty.json().error.details).toEqual({ field: 'words', index: 1 });
    const patched = await call(admin, 'PATCH', `/api/v1/compliance/lexicons/${existing.id}`, { words: ['新词', ''] });
    expect(patched.statusCode).toBe(400);
    expect(await count()).toEqual(before);
    expect((await call(admin, 'GET', `/api/v1/compliance/lexicons/${existing.id}`)).json().words).toEqual(['已有']);
  });

  it('takes a full lexicon of 10,000 words in one request', async () => {
    const words = Array.from({ length: 10_000 }, (_, i) => `敏感词${i.toString(36)}号${'长'.repeat(i % 40)}`);
    const res = await call(admin, 'POST', '/api/v1/compliance/lexicons', { name: '万词', category: 'insult', words });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.json().wordCount).toBe(10_000);
  });

  it('lets only holders of archive.manage change lexicons and rules', async () => {
    expect((await call(seller.headers, 'GET', '/api/v1/compliance/lexicons')).statusCode).toBe(403);
    expect((await call(seller.headers, 'GET', '/api/v1/compliance/rules')).statusCode).toBe(403);
    const res = await call(seller.headers, 'POST', '/api/v1/compliance/lexicons', {
      name: '越权',
      category: 'custom',
      words: ['词'],
    });
    expect(res.statusCode).toBe(403);
  });
});
