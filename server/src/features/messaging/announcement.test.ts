import { describe, expect, it } from 'vitest';
import { type Headers, useMessagingFixture } from '../../../test/messaging-fixture.js';
import { STORE_KINDS } from '../../../test/stores.js';

type Announcement = {
  text: string | null;
  updatedAt: string | null;
  confirmed: { id: string; name: string; at: string }[];
  pending: { id: string; name: string }[];
  confirmedByMe: boolean;
};

describe.each(STORE_KINDS)('announcement confirmations on %s', (kind) => {
  const f = useMessagingFixture(kind);

  const announce = async (id: string, text: string | null) => {
    const res = await f.server.app.inject({
      method: 'PATCH',
      url: `/api/v1/conversations/${id}`,
      headers: f.owner.h,
      payload: { announcement: text },
    });
    expect(res.statusCode, res.body).toBe(200);
  };
  const read = (h: Headers, id: string) =>
    f.server.app.inject({ method: 'GET', url: `/api/v1/conversations/${id}/announcement`, headers: h });
  const confirm = (h: Headers, id: string) =>
    f.server.app.inject({ method: 'POST', url: `/api/v1/conversations/${id}/announcement/confirm`, headers: h });

  it('lists who confirmed the announcement, when, and who is still pending', async () => {
    const id = await f.group();
    await announce(id, '周五下午三点全员大会，请准时参加');
    const announcedAt = f.server.clock.now().toISOString();
    f.server.clock.advance(60_000);
    const confirmedAt = f.server.clock.now().toISOString();
    const res = await confirm(f.alice.h, id);
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as Announcement).confirmedByMe).toBe(true);
    f.server.clock.advance(60_000);
    // Confirming again keeps the first time.
    await confirm(f.alice.h, id);

    const view = (await read(f.bob.h, id)).json() as Announcement;
    expect(view).toMatchObject({
      text: '周五下午三点全员大会，请准时参加',
      updatedAt: announcedAt,
      confirmedByMe: false,
    });
    expect(view.confirmed).toEqual([{ id: f.alice.id, name: '张三', at: confirmedAt }]);
    expect(view.pending.map((p) => p.id).sort()).toEqual([f.owner.id, f.admin.id, f.bob.id].sort());
  });

  it('starts confirmations over when a new announcement is set', async () => {
    const id = await f.group();
    await announce(id, '第一版公告');
    await confirm(f.alice.h, id);
    await confirm(f.bob.h, id);
    f.server.clock.advance(1000);
    await announce(id, '第二版公告');
    const view = (await read(f.alice.h, id)).json() as Announcement;
    expect(view.text).toBe('第二版公告');
    expect(view.confirmed).toEqual([]);
    expect(view.confirmedByMe).toBe(false);
    expect(view.pending).toHaveLength(4);
  });

  it('refuses to confirm when there is no announcement, and hides it from non-members', async () => {
    const id = await f.group();
    expect((await confirm(f.alice.h, id)).statusCode).toBe(409);
    expect((await read(f.alice.h, id)).json()).toEqual({
      text: null,
      updatedAt: null,
      confirmed: [],
      pending: [],
      confirmedByMe: false,
    });
    await announce(id, '内部公告');
    expect((await read(f.outsider.h, id)).statusCode).toBe(404);
    expect((await confirm(f.outsider.h, id)).statusCode).toBe(404);
  });
});
