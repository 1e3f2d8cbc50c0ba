import type { ConversationEvent, ConversationEventType } from '@concord/protocol';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { messagesMessages } from './i18n';
import { addNoticeEvent, type NoticeContext, noticeLines, timelineOf } from './notices';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    lng: 'zh-CN',
    resources: { 'zh-CN': { messages: messagesMessages['zh-CN'] }, en: { messages: messagesMessages.en } },
    ns: ['messages'],
    defaultNS: 'messages',
    interpolation: { escapeValue: false },
  });
});

const names: Record<string, string> = { owner: '陈总', me: '王丽娟', li: '李强' };

function ctx(lng: 'zh-CN' | 'en' = 'zh-CN', meId = 'me'): NoticeContext {
  const t = i18n.getFixedT(lng, 'messages');
  return { meId, nameOf: (id) => names[id], t: (key, params) => t(key, params) };
}

let seq = 10;
const event = (
  type: ConversationEventType,
  actorId: string | null,
  payload: Record<string, unknown>,
): ConversationEvent => ({
  conversationId: 'c1',
  seq: seq++,
  type,
  actorId,
  messageId: null,
  payload,
  at: '2024-06-01T10:00:00.000Z',
});

const person = (id: string, name: string) => ({ id, name });

describe('noticeLines', () => {
  it('says who added whom, naming the reader 你', () => {
    const added = event('conversation.member_added', 'owner', {
      memberIds: ['li', 'me'],
      members: [person('li', '李强'), person('me', '王丽娟')],
    });
    expect(noticeLines(added, ctx())).toEqual(['陈总邀请李强、你加入了群聊']);
    expect(noticeLines(added, ctx('en'))).toEqual(['陈总 added 李强, you to the group']);
    expect(noticeLines(added, ctx('zh-CN', 'owner'))).toEqual(['你邀请李强、王丽娟加入了群聊']);
  });

  it('tells a join through an invite link apart from being added', () => {
    const joined = event('conversation.member_added', 'li', {
      members: [person('li', '李强')],
      via: 'invite',
      inviteId: 'i1',
    });
    expect(noticeLines(joined, ctx())).toEqual(['李强通过邀请链接加入了群聊']);
  });

  it('names an added member even when the one who added them is unknown', () => {
    const added = event('conversation.member_added', 'gone', { members: [person('li', '李强')] });
    expect(noticeLines(added, ctx())).toEqual(['李强加入了群聊']);
  });

  it('says whether a member left, was removed, left the company or broke the rules', () => {
    const left = event('conversation.member_removed', 'li', { members: [person('li', '李强')], reason: 'left' });
    const removed = event('conversation.member_removed', 'owner', {
      members: [person('me', '王丽娟')],
      reason: 'removed',
    });
    const departed = event('conversation.member_removed', null, {
      members: [person('li', '李强')],
      reason: 'departed',
    });
    const rules = event('conversation.member_removed', null, { members: [person('li', '李强')], reason: 'harassment' });
    expect(noticeLines(left, ctx())).toEqual(['李强退出了群聊']);
    expect(noticeLines(removed, ctx())).toEqual(['陈总将你移出了群聊']);
    expect(noticeLines(removed, ctx('en'))).toEqual(['陈总 removed you from the group']);
    expect(noticeLines(departed, ctx())).toEqual(['李强已离职，退出了群聊']);
    expect(noticeLines(rules, ctx())).toEqual(['李强因违反群规被移出群聊']);
  });

  it('announces a new owner, by transfer or after the owner left the company', () => {
    const transferred = event('conversation.owner_transferred', 'owner', {
      from: person('owner', '陈总'),
      to: person('me', '王丽娟'),
      reason: 'transferred',
    });
    const departed = event('conversation.owner_transferred', null, {
      from: person('owner', '陈总'),
      to: person('li', '李强'),
      reason: 'departed',
    });
    expect(noticeLines(transferred, ctx())).toEqual(['陈总将群主转让给了你']);
    expect(noticeLines(transferred, ctx('en'))).toEqual(['陈总 made you the group owner']);
    expect(noticeLines(departed, ctx())).toEqual(['陈总已离职，李强成为新群主']);
  });

  it('gives one line per group change: name, announcement, admins', () => {
    const updated = event('conversation.updated', 'owner', {
      name: '华东区周会',
      announcement: '周五开会',
      announcementAt: '2024-06-01T10:00:00.000Z',
    });
    expect(noticeLines(updated, ctx())).toEqual(['陈总将群名称修改为「华东区周会」', '陈总更新了群公告']);
    const cleared = event('conversation.updated', 'me', { announcement: null, announcementAt: null });
    expect(noticeLines(cleared, ctx('en'))).toEqual(['You cleared the announcement']);
    const admin = event('conversation.updated', 'owner', { memberRoles: [{ id: 'li', name: '李强', role: 'admin' }] });
    expect(noticeLines(admin, ctx())).toEqual(['陈总将李强设为管理员']);
  });

  it('shows nothing for changes a member does not see (settings, avatar)', () => {
    const settings = event('conversation.updated', 'owner', {
      settings: { onlyAdminsInvite: true, welcomeMessage: null },
    });
    expect(noticeLines(settings, ctx())).toEqual([]);
    expect(noticeLines(event('message.created', 'owner', {}), ctx())).toEqual([]);
  });

  it('says who dissolved the group, or only that it was dissolved', () => {
    expect(noticeLines(event('conversation.dissolved', 'owner', { reason: 'owner' }), ctx())).toEqual([
      '陈总解散了群聊',
    ]);
    expect(noticeLines(event('conversation.dissolved', null, { reason: 'empty' }), ctx())).toEqual(['群聊已解散']);
  });

  it('names the creator of a group but not of a direct chat', () => {
    expect(noticeLines(event('conversation.created', 'owner', { kind: 'group' }), ctx())).toEqual(['陈总创建了群聊']);
    expect(noticeLines(event('conversation.created', 'owner', { kind: 'direct' }), ctx())).toEqual([]);
  });
});

describe('notices among messages', () => {
  const message = (s: number) => ({ id: `m${s}`, seq: s, createdAt: '2024-06-01T10:00:00.000Z', sender: { id: 'a' } });
  const change = (s: number): ConversationEvent => ({
    ...event('conversation.updated', 'owner', { name: 'x' }),
    seq: s,
  });

  it('keeps each change once, in seq order, and ignores message events', () => {
    let list = addNoticeEvent([], change(7));
    list = addNoticeEvent(list, change(5));
    list = addNoticeEvent(list, change(7));
    list = addNoticeEvent(list, { ...change(9), type: 'message.edited' });
    expect(list.map((e) => e.seq)).toEqual([5, 7]);
  });

  it('places changes between messages by seq, holding back ones older than the loaded page', () => {
    const rows = timelineOf([message(4), message(6)], [change(3), change(5), change(8)], true);
    expect(rows.map((r) => (r.notice ? `n${r.seq}` : r.id))).toEqual(['m4', 'n5', 'm6', 'n8']);
    const all = timelineOf([message(4)], [change(3)], false);
    expect(all.map((r) => r.seq)).toEqual([3, 4]);
  });
});
