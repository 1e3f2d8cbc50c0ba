import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';
import { appendEvent, listen, makeGroup, orgWithPeople, type Person } from './realtime-helpers.js';
import { STORE_KINDS } from './stores.js';
import { WsTestClient } from './ws-client.js';

describe.each(STORE_KINDS)('realtime gateway (%s)', (kind) => {
  let server: TestServer;
  let base: string;
  let orgId: string;
  let alice: Person;
  let bob: Person;
  let carol: Person;
  let outsider: Person;
  let group: string;
  const clients: WsTestClient[] = [];
  const connect = async (who: Person, via: 'header' | 'frame' = 'frame') => {
    const client = await WsTestClient.connect(base, { token: who.token, via });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    server = await startTestServer(kind);
    base = await listen(server);
    const made = await orgWithPeople(server.ctx, ['张三', '李四', '王五', '赵六']);
    orgId = made.org.orgId;
    [alice, bob, carol, outsider] = made.people as [Person, Person, Person, Person];
    group = await makeGroup(server.ctx, orgId, [alice.id, bob.id, carol.id]);
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await server.close();
  });

  it('greets a signed-in socket with ready and its member id, by header or by first frame', async () => {
    const byFrame = await connect(bob, 'frame');
    const byHeader = await connect(bob, 'header');
    expect(byFrame.frames[0]).toEqual({ type: 'ready', memberId: bob.id });
    expect(byHeader.frames[0]).toEqual({ type: 'ready', memberId: bob.id });
  });

  it('pushes a new message to every member of the conversation and to no one else', async () => {
    const bobSocket = await connect(bob);
    const outsiderSocket = await connect(outsider, 'header');
    const seq = await appendEvent(server.ctx, orgId, group, alice.id, '你好，项目组');
    const frame = await bobSocket.waitFor((f) => f.type === 'event' && f.event.seq === seq);
    expect(frame).toMatchObject({
      type: 'event',
      event: {
        conversationId: group,
        seq,
        type: 'message.created',
        actorId: alice.id,
        payload: { body: '你好，项目组' },
      },
    });
    await server.ctx.bus.drain();
    await outsiderSocket.roundTrip();
    expect(outsiderSocket.events()).toEqual([]);
  });

  it('closes with 4401 for an unknown token, by first frame or by header', async () => {
    const bad = await WsTestClient.open(base, { token: 'cs_nonsense', via: 'frame' });
    expect((await bad.closed).code).toBe(4401);
    const badHeader = await WsTestClient.open(base, { token: 'cs_nonsense', via: 'header' });
    expect((await badHeader.closed).code).toBe(4401);
  });

  it('closes with 4401 for a session that was revoked', async () => {
    const { people } = await orgWithPeople(server.ctx, ['退出者']);
    const [quitter] = people as [Person];
    await server.ctx.db
      .updateTable('sessions')
      .set({ revoked_at: server.ctx.clock.now().toISOString() })
      .where('member_id', '=', quitter.id)
      .execute();
    const socket = await WsTestClient.open(base, { token: quitter.token });
    expect((await socket.closed).code).toBe(4401);
  });

  it('refuses a first frame that is not auth', async () => {
    const { WebSocket } = await import('ws');
    const socket = new WebSocket(`${base.replace('http', 'ws')}/api/v1/ws`);
    const code = await new Promise<number>((resolve) => {
      socket.on('open', () => socket.send(JSON.stringify({ type: 'ping' })));
      socket.on('close', (c) => resolve(c));
    });
    expect(code).toBe(4401);
  });

  it('answers ping with pong and bad frames with an invalid error, and stays open', async () => {
    const socket = await connect(carol);
    socket.send('not json');
    socket.send({ type: 'resume', cursors: { [group]: -1 } });
    socket.send({ type: 'teleport' });
    socket.send({ type: 'typing' });
    await socket.roundTrip();
    const errors = socket.frames.filter((f) => f.type === 'error');
    expect(errors).toHaveLength(4);
    expect(errors.every((f) => f.type === 'error' && f.code === 'invalid')).toBe(true);
    expect(socket.socket.readyState).toBe(socket.socket.OPEN);
  });

  it('tells the other members who is typing, not the typist, and refuses typing in a foreign conversation', async () => {
    const bobSocket = await connect(bob);
    const aliceSocket = await connect(alice);
    const outsiderSocket = await connect(outsider);
    aliceSocket.send({ type: 'typing', conversationId: group });
    expect(await bobSocket.waitForNext((f) => f.type === 'typing')).toEqual({
      type: 'typing',
      conversationId: group,
      memberId: alice.id,
    });
    await server.ctx.bus.drain();
    await aliceSocket.roundTrip();
    expect(aliceSocket.frames.some((f) => f.type === 'typing')).toBe(false);
    outsiderSocket.send({ type: 'typing', conversationId: group });
    expect(await outsiderSocket.waitForNext((f) => f.type === 'error')).toMatchObject({ code: 'not_found' });
  });

  it('pushes read receipts to the conversation members', async () => {
    const aliceSocket = await connect(alice);
    const seq = await appendEvent(server.ctx, orgId, group, alice.id, '请确认');
    const res = await server.app.inject({
      method: 'POST',
      url: `/api/v1/conversations/${group}/read`,
      headers: { authorization: bob.authorization },
      payload: { seq },
    });
    expect(res.statusCode).toBe(200);
    expect(await aliceSocket.waitFor((f) => f.type === 'receipt' && f.memberId === bob.id)).toEqual({
      type: 'receipt',
      conversationId: group,
      memberId: bob.id,
      readSeq: seq,
    });
  });

  it('shows presence to direct-conversation partners when the first socket opens and the last closes', async () => {
    const { people } = await orgWithPeople(server.ctx, ['甲', '乙']).then((r) => r);
    const [p1, p2] = people as [Person, Person];
    // Those two belong to a different org from `orgId`; a direct conversation in their org.
    const direct = await makeGroup(server.ctx, await orgOf(p1.id), [p1.id, p2.id], 'direct');
    expect(direct).toBeTruthy();
    const watcher = await connect(p2);
    const first = await connect(p1);
    expect(await watcher.waitFor((f) => f.type === 'presence' && f.memberId === p1.id)).toEqual({
      type: 'presence',
      memberId: p1.id,
      online: true,
    });
    const second = await connect(p1);
    await second.close();
    await server.ctx.bus.drain();
    await watcher.roundTrip();
    expect(watcher.frames.filter((f) => f.type === 'presence' && !f.online)).toHaveLength(0);
    await first.close();
    expect(await watcher.waitFor((f) => f.type === 'presence' && !f.online)).toMatchObject({ memberId: p1.id });
  });

  it('tells a removed member of the removal and then nothing more of that conversation', async () => {
    const room = await makeGroup(server.ctx, orgId, [alice.id, bob.id, carol.id]);
    const carolSocket = await connect(carol);
    await server.ctx.db
      .deleteFrom('conversation_members')
      .where('conversation_id', '=', room)
      .where('member_id', '=', carol.id)
      .execute();
    const removed = await appendEvent(server.ctx, orgId, room, alice.id, '', 'conversation.member_removed', {
      memberIds: [carol.id],
    });
    await carolSocket.waitFor((f) => f.type === 'event' && f.event.seq === removed);
    await appendEvent(server.ctx, orgId, room, alice.id, '之后的消息');
    await server.ctx.bus.drain();
    await carolSocket.roundTrip();
    expect(carolSocket.events(room).map((e) => e.type)).toEqual(['conversation.member_removed']);
    // A resume naming that conversation replays nothing of it any more.
    const cursors = await carolSocket.resume({ [room]: 0 });
    expect(cursors[room]).toBeUndefined();
    expect(carolSocket.events(room)).toHaveLength(1);
  });

  it('closes the sockets of a member who is disabled', async () => {
    const { people } = await orgWithPeople(server.ctx, ['离职者']);
    const [leaver] = people as [Person];
    const socket = await connect(leaver);
    server.ctx.bus.emit({
      type: 'member.disabled',
      orgId: await orgOf(leaver.id),
      at: server.ctx.clock.now().toISOString(),
      actorId: null,
      data: { memberId: leaver.id },
    });
    expect((await socket.closed).code).toBe(4401);
  });

  async function orgOf(memberId: string): Promise<string> {
    const row = await server.ctx.db
      .selectFrom('members')
      .select('org_id')
      .where('id', '=', memberId)
      .executeTakeFirstOrThrow();
    return row.org_id;
  }
});
