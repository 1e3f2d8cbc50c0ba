import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';
import { appendEvent, listen, makeGroup, orgWithPeople, type Person } from './realtime-helpers.js';
import { STORE_KINDS } from './stores.js';
import { WsTestClient } from './ws-client.js';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe.each(STORE_KINDS)('realtime resume (%s)', (kind) => {
  let server: TestServer;
  let base: string;
  let orgId: string;
  let alice: Person;
  let bob: Person;
  const clients: WsTestClient[] = [];
  const track = (c: WsTestClient) => {
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    server = await startTestServer(kind);
    base = await listen(server);
    const made = await orgWithPeople(server.ctx, ['张三', '李四']);
    orgId = made.org.orgId;
    [alice, bob] = made.people as [Person, Person];
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await server.close();
  });

  const send = (group: string, n: number) => appendEvent(server.ctx, orgId, group, alice.id, `消息 ${n}`);

  it.each(['header', 'frame'] as const)(
    'replays exactly the missed events, in order, while new ones keep coming (sign-in by %s)',
    async (via) => {
      const group = await makeGroup(server.ctx, orgId, [alice.id, bob.id]);
      const first = track(await WsTestClient.connect(base, { token: bob.token }));
      await send(group, 1);
      await first.waitFor((f) => f.type === 'event' && f.event.seq === 1);
      first.drop();
      for (let n = 2; n <= 21; n++) await send(group, n);

      const cursor = 1;
      const again = track(
        await WsTestClient.open(base, {
          token: bob.token,
          via,
          cursors: via === 'frame' ? { [group]: cursor } : undefined,
        }),
      );
      if (via === 'header') again.send({ type: 'resume', cursors: { [group]: cursor } });
      // More events while the catch-up runs.
      const during = (async () => {
        for (let n = 22; n <= 31; n++) await send(group, n);
      })();
      const resumed = await again.waitFor((f) => f.type === 'resumed', 10_000);
      await during;
      await again.waitFor((f) => f.type === 'event' && f.event.seq === 31, 10_000);
      await server.ctx.bus.drain();
      await again.roundTrip();

      expect(again.events(group).map((e) => e.seq)).toEqual(range(2, 31));
      expect(again.events(group).map((e) => e.payload.body)).toEqual(range(2, 31).map((n) => `消息 ${n}`));
      expect(resumed.type === 'resumed' && (resumed.cursors[group] ?? 0) >= 21).toBe(true);
    },
  );

  it('starts conversations absent from the cursors at their current end: no backlog, then live', async () => {
    const group = await makeGroup(server.ctx, orgId, [alice.id, bob.id]);
    for (let n = 1; n <= 5; n++) await send(group, n);
    const client = track(await WsTestClient.connect(base, { token: bob.token }));
    const cursors = await client.resume({});
    expect(cursors[group]).toBe(5);
    await send(group, 6);
    await client.waitFor((f) => f.type === 'event' && f.event.seq === 6);
    expect(client.events(group).map((e) => e.seq)).toEqual([6]);
  });

  it('replays in pages when the backlog is longer than one page', async () => {
    const group = await makeGroup(server.ctx, orgId, [alice.id, bob.id]);
    for (let n = 1; n <= 1203; n++) await send(group, n);
    const client = track(await WsTestClient.connect(base, { token: bob.token, cursors: { [group]: 0 } }));
    await client.waitFor((f) => f.type === 'resumed', 20_000);
    expect(client.events(group).map((e) => e.seq)).toEqual(range(1, 1203));
  });
});
