/**
 * Grey system lines among the messages — 「张三邀请李四加入了群聊」 — built from the conversation
 * events the live feed delivers (member added/removed, owner transferred, group renamed,
 * announcement changed, dissolved). The current member is named 你 / you.
 */
import type { ConversationEvent } from '@concord/protocol';

type Translate = (key: string, params?: Record<string, string>) => string;

export type NoticeContext = {
  meId: string;
  /** The name of a current member, for actors the event names only by id. */
  nameOf: (memberId: string) => string | undefined;
  /** `t` of the messages namespace. */
  t: Translate;
};

type Person = { id: string; name: string };

const isPerson = (v: unknown): v is Person =>
  typeof v === 'object' && v !== null && typeof (v as Person).id === 'string' && typeof (v as Person).name === 'string';

const peopleOf = (v: unknown): Person[] => (Array.isArray(v) ? v.filter(isPerson) : []);

/** The conversation events that can become a line (messages have their own bubbles). */
export function isNoticeEvent(event: ConversationEvent): boolean {
  return event.type.startsWith('conversation.');
}

export function noticeLines(event: ConversationEvent, { meId, nameOf, t }: NoticeContext): string[] {
  const p = event.payload;
  /** A person as the subject of the sentence (你 / You) or inside it (你 / you). */
  const who = (person: Person | undefined, object = false): string => {
    if (!person) return t('notice.someone');
    if (person.id === meId) return object ? t('notice.youObject') : t('notice.you');
    return person.name || t('notice.someone');
  };
  const list = (people: Person[], object = false) =>
    people.map((person, i) => who(person, object || i > 0)).join(t('notice.separator'));
  const actorId = event.actorId;
  const actor: Person | undefined = actorId ? { id: actorId, name: nameOf(actorId) ?? '' } : undefined;
  const actorKnown = Boolean(actor && (actor.id === meId || actor.name));

  switch (event.type) {
    case 'conversation.created':
      // A direct chat has no "created" line; a group names its creator.
      return p.kind === 'direct' ? [] : [t('notice.created', { actor: who(actor) })];

    case 'conversation.member_added': {
      const members = peopleOf(p.members);
      if (members.length === 0) return [];
      const selfJoined = actorId !== null && members.length === 1 && members[0]?.id === actorId;
      if (p.via === 'invite' || (selfJoined && p.reason !== 'department')) {
        return [t('notice.joinedByInvite', { names: list(members) })];
      }
      if (p.reason === 'department') return [t('notice.joinedWithDepartment', { names: list(members) })];
      if (!actorKnown) return [t('notice.joined', { names: list(members) })];
      return [t('notice.added', { actor: who(actor), names: list(members, true) })];
    }

    case 'conversation.member_removed': {
      const members = peopleOf(p.members);
      if (members.length === 0) return [];
      const names = list(members);
      switch (p.reason) {
        case 'left':
          return [t('notice.left', { names })];
        case 'departed':
          return [t('notice.departed', { names })];
        case 'harassment':
          return [t('notice.removedForRules', { names })];
        case 'department':
          return [t('notice.leftWithDepartment', { names })];
        default:
          return actorKnown
            ? [t('notice.removed', { actor: who(actor), names: list(members, true) })]
            : [t('notice.removedNoActor', { names })];
      }
    }

    case 'conversation.owner_transferred': {
      const from = isPerson(p.from) ? p.from : undefined;
      const to = isPerson(p.to) ? p.to : undefined;
      if (!to) return [];
      if (!from) return [t('notice.newOwner', { to: who(to) })];
      if (p.reason === 'departed' || p.reason === 'owner_departed') {
        return [t('notice.ownerDeparted', { from: who(from), to: who(to) })];
      }
      return [t('notice.ownerTransferred', { from: who(from), to: who(to, true) })];
    }

    case 'conversation.updated': {
      const lines: string[] = [];
      const by = who(actorKnown ? actor : undefined);
      if (typeof p.name === 'string') lines.push(t('notice.renamed', { actor: by, name: p.name }));
      if ('announcement' in p) {
        lines.push(
          typeof p.announcement === 'string' && p.announcement
            ? t('notice.announcementChanged', { actor: by })
            : t('notice.announcementCleared', { actor: by }),
        );
      }
      if (Array.isArray(p.memberRoles)) {
        for (const change of p.memberRoles as unknown[]) {
          if (!isPerson(change)) continue;
          const role = (change as { role?: unknown }).role;
          const params = { actor: by, name: who(change, true) };
          lines.push(role === 'admin' ? t('notice.madeAdmin', params) : t('notice.unmadeAdmin', params));
        }
      }
      return lines;
    }

    case 'conversation.dissolved':
      return [actorKnown ? t('notice.dissolved', { actor: who(actor) }) : t('notice.dissolvedNoActor')];

    default:
      return [];
  }
}

/** Adds an event to the notices received for a conversation: once per seq, in seq order. */
export function addNoticeEvent(events: ConversationEvent[], event: ConversationEvent): ConversationEvent[] {
  if (!isNoticeEvent(event) || events.some((e) => e.seq === event.seq)) return events;
  return [...events, event].sort((a, b) => a.seq - b.seq);
}

/** One row source of the message list: a message, or a change shown as a grey line. */
export type TimelineEntry<M> = {
  id: string;
  seq: number;
  createdAt: string;
  sender: { id: string } | null;
  message: M | null;
  notice: ConversationEvent | null;
};

/**
 * Messages and changes in seq order (they share the conversation's seq). While older messages
 * are still to be loaded, changes from before the oldest loaded message wait for them.
 */
export function timelineOf<M extends { id: string; seq: number; createdAt: string; sender: { id: string } | null }>(
  messages: M[],
  notices: ConversationEvent[],
  hasMore: boolean,
): TimelineEntry<M>[] {
  const oldest = messages[0]?.seq ?? 0;
  const entries: TimelineEntry<M>[] = [
    ...messages.map((m) => ({
      id: m.id,
      seq: m.seq,
      createdAt: m.createdAt,
      sender: m.sender,
      message: m,
      notice: null,
    })),
    ...notices
      .filter((e) => !hasMore || e.seq > oldest)
      .map((e) => ({ id: `notice-${e.seq}`, seq: e.seq, createdAt: e.at, sender: null, message: null, notice: e })),
  ];
  return entries.sort((a, b) => a.seq - b.seq);
}
