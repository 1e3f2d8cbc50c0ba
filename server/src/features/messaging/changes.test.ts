import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup, orgWith, type Person } from '../../../test/conversation-fixtures.js';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { STORE_KINDS } from '../../../test/stores.js';

describe.each(STORE_KINDS)('conversation changes for the grey lines on %s', (kind) => {
  let server: TestServer;
  let owner: Person;
  let joiner: Person;
  let outsider: Person;

  beforeAll(async () => {
    server = await startTestServer(kind);
    [owner, joiner, outsider] = (await orgWith(server.ctx, ['群主', '新成员', '局外人'])).people as [
      Person,
      Person,
      Person,
    ];
  });
  afterAll(() => server.close());

  const call = (who: Person, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    server.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });

  it('lists membership and settings changes in seq order, without messages', async () => {
    const group = await createGroup(server, owner, { name: '周会群' });
    await call(owner, 'POST', `/api/v1/conversations/${group.id}/messages`, { clientMsgId: 'm1', body: '大家好' });
    await call(owner, 'POST', `/api/v1/conversations/${group.id}/members`, { memberIds: [joiner.id] });
    await call(owner, 'PATCH', `/api/v1/conversations/${group.id}`, { name: '周会群（新）' });

    const res = await call(joiner, 'GET', `/api/v1/conversations/${group.id}/changes`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { seq: number; type: string; payload: Record<string, unknown> }[];
    expect(items.map((e) => e.type)).toEqual([
      'conversation.created',
      'conversation.member_added',
      'conversation.updated',
    ]);
    expect(items.map((e) => e.seq)).toEqual([...items.map((e) => e.seq)].sort((a, b) => a - b));
    expect(items[1]?.payload).toMatchObject({ memberIds: [joiner.id] });

    const [, added, renamed] = items;
    const window = await call(joiner, 'GET', `/api/v1/conversations/${group.id}/changes?after=${added?.seq}`);
    expect(window.json().items.map((e: { seq: number }) => e.seq)).toEqual([renamed?.seq]);
    const before = await call(joiner, 'GET', `/api/v1/conversations/${group.id}/changes?before=${added?.seq}`);
    expect(before.json().items.map((e: { type: string }) => e.type)).toEqual(['conversation.created']);
  });

  it('answers 404 to someone outside the group and 400 to a bad range', async () => {
    const group = await createGroup(server, owner, {});
    expect((await call(outsider, 'GET', `/api/v1/conversations/${group.id}/changes`)).statusCode).toBe(404);
    expect((await call(owner, 'GET', `/api/v1/conversations/${group.id}/changes?after=-1`)).statusCode).toBe(400);
  });
});
