/**
 * Rules shared by the conversation commands: group settings, member limits, who may invite,
 * locking a conversation row for a change, and turning member/department ids into the active
 * members to add.
 */
import { MESSAGING_LIMITS } from '@concord/protocol';
import type { Kysely } from 'kysely';
import { descendantsOf, loadDepartmentTree } from '../../authz/department-tree.js';
import type { ConversationTable, Database } from '../../platform/db/schema.js';
import { conflict, forbidden, limitExceeded, notFound } from '../../platform/errors.js';
import type { appendConversationEvent } from './event-log.js';
import { isGroupManager } from './membership.js';

type Db = Kysely<Database>;

export type LoggedEvent = Awaited<ReturnType<typeof appendConversationEvent>>;
export type MemberRef = { id: string; name: string };

export type ConversationSettings = {
  onlyAdminsInvite: boolean;
  welcomeMessage: string | null;
  /** Keys other parts of messaging keep here (anti-harassment rules…) are preserved. */
  [key: string]: unknown;
};

export function parseConversationSettings(text: string): ConversationSettings {
  let raw: Record<string, unknown> = {};
  try {
    const value = JSON.parse(text) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) raw = value as Record<string, unknown>;
  } catch {
    raw = {};
  }
  return {
    ...raw,
    onlyAdminsInvite: raw.onlyAdminsInvite === true,
    welcomeMessage: typeof raw.welcomeMessage === 'string' && raw.welcomeMessage !== '' ? raw.welcomeMessage : null,
  };
}

/** Whether the conversation is a group of some kind (not a 1:1). */
export const isGroup = (c: Pick<ConversationTable, 'kind'>): boolean => c.kind === 'group' || c.kind === 'external';

/**
 * The member limit of a new group. External groups are capped at 500 in all; internal groups
 * default to 2,000 and the org's `groupMemberLimit` setting moves that, never past 10,000.
 */
export async function memberLimitFor(db: Db, orgId: string, kind: 'group' | 'external'): Promise<number> {
  if (kind === 'external') return MESSAGING_LIMITS.externalParticipants;
  const org = await db.selectFrom('orgs').select('settings').where('id', '=', orgId).executeTakeFirst();
  let configured: unknown;
  try {
    configured = org ? (JSON.parse(org.settings) as { groupMemberLimit?: unknown }).groupMemberLimit : undefined;
  } catch {
    configured = undefined;
  }
  if (typeof configured !== 'number' || !Number.isInteger(configured) || configured < 1) {
    return MESSAGING_LIMITS.groupMembersDefault;
  }
  return Math.min(configured, MESSAGING_LIMITS.groupMembersMax);
}

/**
 * Re-reads the conversation with a row lock (a no-op UPDATE: PostgreSQL locks the row, SQLite
 * serialises writers anyway), so counts taken afterwards hold until the commit.
 */
export async function lockConversation(tx: Db, orgId: string, id: string): Promise<ConversationTable> {
  const row = await tx
    .updateTable('conversations')
    .set((eb) => ({ last_seq: eb.ref('last_seq') }))
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw notFound('conversation');
  return { ...row, last_seq: Number(row.last_seq), member_limit: Number(row.member_limit) };
}

/** A group that can still change: not a 1:1, not dissolved. */
export function assertChangeableGroup(conversation: ConversationTable): void {
  if (!isGroup(conversation)) throw conflict('A direct conversation has no group settings or members to change');
  if (conversation.status !== 'active') throw conflict('The group has been dissolved', { reason: 'dissolved' });
}

/** Owner and admins may always add members; others only while "only admins invite" is off. */
export function assertMayInvite(conversation: ConversationTable, role: string): void {
  if (isGroupManager(role)) return;
  if (parseConversationSettings(conversation.settings).onlyAdminsInvite) {
    throw forbidden('Only the owner and admins may add members to this group');
  }
}

export async function memberCount(tx: Db, orgId: string, conversationId: string): Promise<number> {
  const row = await tx
    .selectFrom('conversation_members')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('org_id', '=', orgId)
    .where('conversation_id', '=', conversationId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Refuses a change that would take the group past its limit; nothing is written before it. */
export function assertWithinLimit(limit: number, current: number, adding: number): void {
  if (current + adding > limit) {
    throw limitExceeded(`The group may have at most ${limit} members`, { limit, current, adding });
  }
}

/**
 * Active members of the org named directly or through departments (with sub-departments).
 * A named member or department that is not in the org, or a named member who is not active,
 * answers 404. Result is de-duplicated, in a stable order.
 */
export async function resolveCandidates(
  db: Db,
  orgId: string,
  memberIds: readonly string[],
  departmentIds: readonly string[],
): Promise<MemberRef[]> {
  const out = new Map<string, MemberRef>();
  const named = [...new Set(memberIds)];
  for (let i = 0; i < named.length; i += 1000) {
    const chunk = named.slice(i, i + 1000);
    const rows = await db
      .selectFrom('members')
      .select(['id', 'name'])
      .where('org_id', '=', orgId)
      .where('status', '=', 'active')
      // A guest belongs to the one group they joined; nobody adds them elsewhere.
      .where('kind', '=', 'staff')
      .where('id', 'in', chunk)
      .execute();
    if (rows.length !== chunk.length) throw notFound('member');
    for (const row of rows) out.set(row.id, row);
  }
  const departments = [...new Set(departmentIds)];
  if (departments.length > 0) {
    const tree = await loadDepartmentTree(db, orgId);
    if (departments.some((d) => !tree.parentOf.has(d))) throw notFound('department');
    const all = [...descendantsOf(tree, departments)];
    for (let i = 0; i < all.length; i += 500) {
      const rows = await db
        .selectFrom('member_departments')
        .innerJoin('members', 'members.id', 'member_departments.member_id')
        .select(['members.id', 'members.name'])
        .where('member_departments.org_id', '=', orgId)
        .where('member_departments.department_id', 'in', all.slice(i, i + 500))
        .where('members.status', '=', 'active')
        .orderBy('members.id')
        .execute();
      for (const row of rows) out.set(row.id, { id: row.id, name: row.name });
    }
  }
  return [...out.values()];
}

/** Ids of the given members who already belong to the conversation. */
export async function existingMemberIds(tx: Db, orgId: string, conversationId: string): Promise<Set<string>> {
  const rows = await tx
    .selectFrom('conversation_members')
    .select('member_id')
    .where('org_id', '=', orgId)
    .where('conversation_id', '=', conversationId)
    .execute();
  return new Set(rows.map((r) => r.member_id));
}

/** Inserts memberships in batches (a 10,000-member department stays under parameter limits). */
export async function insertMembers(
  tx: Db,
  orgId: string,
  conversationId: string,
  members: readonly { id: string; role: string }[],
  joinedAt: string,
): Promise<void> {
  for (let i = 0; i < members.length; i += 500) {
    await tx
      .insertInto('conversation_members')
      .values(
        members.slice(i, i + 500).map((m) => ({
          org_id: orgId,
          conversation_id: conversationId,
          member_id: m.id,
          role: m.role,
          joined_at: joinedAt,
          read_seq: 0,
          pinned: 0,
          muted: 0,
        })),
      )
      .execute();
  }
}

/** The payload of `conversation.member_added`: self-contained for clients. */
export function memberAddedPayload(
  added: readonly MemberRef[],
  conversation: Pick<ConversationTable, 'settings'> | null,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const welcomeMessage = conversation ? parseConversationSettings(conversation.settings).welcomeMessage : null;
  return {
    memberIds: added.map((m) => m.id),
    members: added.map((m) => ({ id: m.id, name: m.name })),
    ...(welcomeMessage ? { welcomeMessage } : {}),
    ...extra,
  };
}
