/** Conversation rows → API shapes: the only place conversation and invite responses are built. */
import type { ConversationMemberRow, ConversationRow, InviteRow, LastMessageRow } from './conversation-queries.js';
import { parseConversationSettings } from './conversation-rules.js';
import type { ConversationDetailOut, ConversationSummaryOut, InviteOut } from './conversation-schemas.js';

/** Characters of the last message shown in the list. */
export const PREVIEW_CHARS = 80;

/** The other member of a direct conversation, read from its key. */
export function directPeerId(row: Pick<ConversationRow, 'direct_key'>, viewerId: string): string | null {
  if (!row.direct_key) return null;
  return row.direct_key.split(':').find((id) => id !== viewerId) ?? null;
}

function presentLastMessage(m: LastMessageRow | undefined): ConversationSummaryOut['lastMessage'] {
  if (!m) return null;
  const recalled = m.recalled_at !== null;
  const chars = [...m.body];
  return {
    id: m.id,
    seq: m.seq,
    kind: m.kind,
    // A recalled message shows only that it was recalled, never its text.
    body: recalled ? '' : chars.length > PREVIEW_CHARS ? `${chars.slice(0, PREVIEW_CHARS).join('')}…` : m.body,
    senderId: m.sender_id,
    senderName: m.sender_name,
    at: m.created_at,
    recalled,
  };
}

export function presentSummary(
  row: ConversationRow,
  viewerId: string,
  last: LastMessageRow | undefined,
  names: ReadonlyMap<string, string>,
): ConversationSummaryOut {
  const peer = row.kind === 'direct' ? directPeerId(row, viewerId) : null;
  return {
    id: row.id,
    kind: row.kind,
    name: (peer ? names.get(peer) : row.name) ?? row.name ?? '',
    avatarUrl: row.avatar_url,
    status: row.status,
    memberCount: row.member_count,
    lastSeq: row.last_seq,
    readSeq: row.read_seq,
    unreadCount: row.unread_count,
    lastMessage: presentLastMessage(last),
    pinned: row.pinned === 1,
    muted: row.muted === 1,
    mentionedMe: row.mentioned === 1,
    myRole: row.role,
    updatedAt: row.updated_at,
  };
}

export function presentDetail(
  summary: ConversationSummaryOut,
  row: ConversationRow,
  members: readonly ConversationMemberRow[],
): ConversationDetailOut {
  const settings = parseConversationSettings(row.settings);
  const owner = members.find((m) => m.role === 'owner');
  return {
    ...summary,
    announcement: row.announcement,
    announcementAt: row.announcement_at,
    settings: { onlyAdminsInvite: settings.onlyAdminsInvite, welcomeMessage: settings.welcomeMessage },
    owner: owner ? { id: owner.id, name: owner.name } : null,
    admins: members.filter((m) => m.role === 'admin').map((m) => ({ id: m.id, name: m.name })),
    members: members.map((m) => ({
      id: m.id,
      name: m.name,
      kind: m.kind === 'guest' ? ('guest' as const) : ('staff' as const),
      role: m.role,
      joinedAt: m.joined_at,
    })),
    departmentId: row.department_id,
    memberLimit: row.member_limit,
    createdAt: row.created_at,
    dissolvedAt: row.dissolved_at,
  };
}

export function presentInvite(row: InviteRow): InviteOut {
  return {
    id: row.id,
    code: row.code,
    url: `/join/${row.code}`,
    expiresAt: row.expires_at,
    maxUses: row.max_uses === null ? null : Number(row.max_uses),
    uses: Number(row.uses),
    revokedAt: row.revoked_at,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}
