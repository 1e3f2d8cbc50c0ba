import { describe, expect, it } from 'vitest';
import { type Headers, useMessagingFixture } from '../../../test/messaging-fixture.js';
import { STORE_KINDS } from '../../../test/stores.js';

type Bookmark = {
  bookmarkedAt: string;
  message: { id: string; conversationName: string; preview: string; senderName: string | null; recalled: boolean };
};

describe.each(STORE_KINDS)('messages marked for later on %s', (kind) => {
  const f = useMessagingFixture(kind);

  const mark = (h: Headers, id: string, method: 'POST' | 'DELETE' = 'POST') =>
    f.server.app.inject({ method, url: `/api/v1/messages/${id}/bookmark`, headers: h });
  const list = async (h: Headers, query = '') => {
    const res = await f.server.app.inject({ method: 'GET', url: `/api/v1/bookmarks${query}`, headers: h });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Bookmark[]; nextCursor: string | null };
  };

  it('lists my marks newest first with a preview and the group name, for me only', async () => {
    const id = await f.group();
    const first = await f.sendOk(f.owner.h, id, '第一条：季度目标');
    const second = await f.sendOk(f.admin.h, id, '第二条：预算表已更新');
    expect((await mark(f.alice.h, first.id)).statusCode).toBe(200);
    f.server.clock.advance(1000);
    expect((await mark(f.alice.h, second.id)).statusCode).toBe(200);
    expect((await mark(f.alice.h, second.id)).statusCode).toBe(200);

    const mine = await list(f.alice.h);
    expect(mine.items.map((b) => b.message.id)).toEqual([second.id, first.id]);
    expect(mine.items[0]?.message).toMatchObject({
      conversationName: '项目群',
      preview: '第二条：预算表已更新',
      senderName: '管理员',
      recalled: false,
    });
    expect((await list(f.bob.h)).items.map((b) => b.message.id)).not.toContain(first.id);

    const paged = await list(f.alice.h, '?limit=1');
    expect(paged.items.map((b) => b.message.id)).toEqual([second.id]);
    const next = await list(f.alice.h, `?limit=1&cursor=${paged.nextCursor}`);
    expect(next.items.map((b) => b.message.id)).toEqual([first.id]);
  });

  it('takes a mark off', async () => {
    const id = await f.group();
    const msg = await f.sendOk(f.owner.h, id, '稍后处理');
    await mark(f.bob.h, msg.id);
    expect((await mark(f.bob.h, msg.id, 'DELETE')).statusCode).toBe(200);
    expect((await list(f.bob.h)).items.map((b) => b.message.id)).not.toContain(msg.id);
  });

  it('answers 404 to a member outside the conversation and stops listing marks after leaving', async () => {
    const id = await f.group();
    const msg = await f.sendOk(f.owner.h, id, '内部资料');
    expect((await mark(f.outsider.h, msg.id)).statusCode).toBe(404);
    expect((await mark(f.outsider.h, msg.id, 'DELETE')).statusCode).toBe(404);
    await mark(f.bob.h, msg.id);
    const leave = await f.server.app.inject({
      method: 'DELETE',
      url: `/api/v1/conversations/${id}/members/${f.bob.id}`,
      headers: f.bob.h,
    });
    expect(leave.statusCode, leave.body).toBe(200);
    expect((await list(f.bob.h)).items.map((b) => b.message.id)).not.toContain(msg.id);
  });
});
