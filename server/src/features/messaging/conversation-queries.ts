/**
 * Reads of conversations as one member sees them: unread counts and mentions are computed in
 * SQL from the member's read_seq, so a list of hundreds of conversations is one round trip plus
 * two small look-ups (last messages, names of direct peers). Always filtered by org.
 */
import { type Kysely, sql } from 'kysely';
import type { ConversationInviteTable, Database } from '../../platform/db/schema.js';
import { CONVERSATION_LIST_MAX } from './conversation-schemas.js';

type Db = Kysely<Database>;
export type Viewer = { orgId: string; memberId: string };

export type ConversationRow = {
  id: string;
  kind: string;
  name: string | null;
  avatar_url: string | null;
  owner_id: string | null;
  announcement: string | null;
  announcement_at: string | null;
  settings: string;
  member_limit: number;
  department_id: string | null;
  direct_key: string | null;
  last_seq: number;
  status: string;
  created_at: string;
  updated_at: string;
  dissolved_at: string | null;
  role: string;
  read_seq: number;
  pinned: number;
  muted: number;
  member_count: number;
  unread_count: number;
  mentioned: number;
};

export type LastMessageRow = {
  id: string;
  conversation_id: string;
  seq: number;
  kind: string;
  body: string;
  sender_id: string | null;
  sender_name: string | null;
  created_at: string;
  recalled_at: string | null;
};

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The viewer's conversations (or one of them), pinned first, then by last activity. */
export async function listConversationRows(
  db: Db,
  viewer: Viewer,
  filter: { q?: string | undefined; id?: string } = {},
): Promise<ConversationRow[]> {
  let query = db
    .selectFrom('conversation_members as cm')
    .innerJoin('conversations as c', 'c.id', 'cm.conversation_id')
    .select([
      'c.id',
      'c.kind',
      'c.name',
      'c.avatar_url',
      'c.owner_id',
      'c.announcement',
      'c.announcement_at',
      'c.settings',
      'c.member_limit',
      'c.department_id',
      'c.direct_key',
      'c.last_seq',
      'c.status',
      'c.created_at',
      'c.updated_at',
      'c.dissolved_at',
      'cm.role',
      'cm.read_seq',
      'cm.pinned',
      'cm.muted',
    ])
    .select((eb) => [
      eb
        .selectFrom('conversation_members as cm2')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('cm2.conversation_id', '=', 'c.id')
        .as('member_count'),
      // Unread: after the read mark, from someone else, not recalled.
      eb
        .selectFrom('messages as m')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('m.conversation_id', '=', 'c.id')
        .whereRef('m.seq', '>', 'cm.read_seq')
        .where((w) => w.or([w('m.sender_id', 'is', null), w('m.sender_id', '!=', viewer.memberId)]))
        .where('m.recalled_at', 'is', null)
        .as('unread_count'),
      eb
        .selectFrom('messages as mm')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('mm.conversation_id', '=', 'c.id')
        .whereRef('mm.seq', '>', 'cm.read_seq')
        .where((w) => w.or([w('mm.sender_id', 'is', null), w('mm.sender_id', '!=', viewer.memberId)]))
        .where('mm.recalled_at', 'is', null)
        .where((w) => w.or([w('mm.mention_all', '=', 1), w('mm.mentions', 'like', `%"${viewer.memberId}"%`)]))
        .as('mentioned'),
    ])
    .where('cm.org_id', '=', viewer.orgId)
    .where('cm.member_id', '=', viewer.memberId);
  if (filter.id) query = query.where('c.id', '=', filter.id);
  const q = filter.q?.trim();
  if (q) {
    const pattern = `%${escapeLike(q.toLowerCase())}%`;
    query = query.where((eb) =>
      eb.or([
        sql<boolean>`lower(c.name) like ${pattern} escape '\\'`,
        // A direct conversation is found by the other member's name.
        eb.and([
          eb('c.kind', '=', 'direct'),
          eb.exists(
            eb
              .selectFrom('members as pm')
              .select('pm.id')
              .where('pm.org_id', '=', viewer.orgId)
              .where('pm.id', '!=', viewer.memberId)
              .where(sql<boolean>`c.direct_key like '%' || pm.id || '%'`)
              .where(sql<boolean>`lower(pm.name) like ${pattern} escape '\\'`),
          ),
        ]),
      ]),
    );
  }
  const rows = await query
    .orderBy('cm.pinned', 'desc')
    .orderBy('c.updated_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(CONVERSATION_LIST_MAX)
    .execute();
  return rows.map((r) => ({
    ...r,
    member_limit: Number(r.member_limit),
    last_seq: Number(r.last_seq),
    read_seq: Number(r.read_seq),
    pinned: Number(r.pinned),
    muted: Number(r.muted),
    member_count: Number(r.member_count ?? 0),
    unread_count: Number(r.unread_count ?? 0),
    mentioned: Number(r.mentioned ?? 0) > 0 ? 1 : 0,
  }));
}

/** The newest message of each conversation, with its sender's name. */
export async function lastMessagesOf(
  db: Db,
  orgId: string,
  ids: readonly string[],
): Promise<Map<string, LastMessageRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('messages as m')
    .leftJoin('members as s', 's.id', 'm.sender_id')
    .select([
      'm.id',
      'm.conversation_id',
      'm.seq',
      'm.kind',
      'm.body',
      'm.sender_id',
      's.name as sender_name',
      'm.created_at',
      'm.recalled_at',
    ])
    .where('m.org_id', '=', orgId)
    .where('m.conversation_id', 'in', ids)
    .where('m.seq', '=', (eb) =>
      eb
        .selectFrom('messages as m2')
        .select((e) => e.fn.max('m2.seq').as('s'))
        .whereRef('m2.conversation_id', '=', 'm.conversation_id'),
    )
    .execute();
  return new Map(rows.map((r) => [r.conversation_id, { ...r, seq: Number(r.seq) }]));
}

/** Names of members by id (any status: a departed peer keeps their name in the list). */
export async function memberNames(db: Db, orgId: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('members')
    .select(['id', 'name'])
    .where('org_id', '=', orgId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export type ConversationMemberRow = { id: string; name: string; kind: string; role: string; joined_at: string };

const ROLE_ORDER = sql<number>`case cm.role when 'owner' then 0 when 'admin' then 1 else 2 end`;

/** Members of a conversation: owner, then admins, then members, each by how long they have been in. */
export function conversationMembers(db: Db, orgId: string, conversationId: string): Promise<ConversationMemberRow[]> {
  return db
    .selectFrom('conversation_members as cm')
    .innerJoin('members as mb', 'mb.id', 'cm.member_id')
    .select(['mb.id', 'mb.name', 'mb.kind', 'cm.role', 'cm.joined_at'])
    .where('cm.org_id', '=', orgId)
    .where('cm.conversation_id', '=', conversationId)
    .orderBy(ROLE_ORDER)
    .orderBy('cm.joined_at')
    .orderBy('mb.id')
    .execute();
}

export type InviteRow = ConversationInviteTable;

export function listInviteRows(db: Db, orgId: string, conversationId: string): Promise<InviteRow[]> {
  return db
    .selectFrom('conversation_invites')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('conversation_id', '=', conversationId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
}

export function findInvite(db: Db, orgId: string, conversationId: string, id: string): Promise<InviteRow | undefined> {
  return db
    .selectFrom('conversation_invites')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('conversation_id', '=', conversationId)
    .where('id', '=', id)
    .executeTakeFirst();
}
