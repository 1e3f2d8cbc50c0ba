/** Read paths of the conversation routes: query rows, then present them for the viewer. */
import type { Ctx } from '../../app/context.js';
import type { Actor } from '../../authz/actor.js';
import { notFound } from '../../platform/errors.js';
import { directPeerId, presentDetail, presentInvite, presentSummary } from './conversation-presenter.js';
import {
  type ConversationRow,
  conversationMembers,
  lastMessagesOf,
  listConversationRows,
  listInviteRows,
  memberNames,
} from './conversation-queries.js';
import { assertMayInvite } from './conversation-rules.js';
import type { ConversationDetailOut, ConversationSummaryOut, InviteOut } from './conversation-schemas.js';
import { requireMembership } from './membership.js';

async function summaries(ctx: Ctx, actor: Actor, rows: ConversationRow[]): Promise<ConversationSummaryOut[]> {
  const peers = rows
    .flatMap((r) => (r.kind === 'direct' ? [directPeerId(r, actor.memberId)] : []))
    .filter((id): id is string => id !== null);
  const [last, names] = await Promise.all([
    lastMessagesOf(
      ctx.db,
      actor.orgId,
      rows.map((r) => r.id),
    ),
    memberNames(ctx.db, actor.orgId, peers),
  ]);
  return rows.map((r) => presentSummary(r, actor.memberId, last.get(r.id), names));
}

export async function listConversations(
  ctx: Ctx,
  actor: Actor,
  q: string | undefined,
): Promise<{ items: ConversationSummaryOut[] }> {
  const rows = await listConversationRows(ctx.db, actor, { q });
  return { items: await summaries(ctx, actor, rows) };
}

/** One conversation the actor belongs to, with its members; 404 otherwise. */
export async function getConversation(ctx: Ctx, actor: Actor, id: string): Promise<ConversationDetailOut> {
  const [row] = await listConversationRows(ctx.db, actor, { id });
  if (!row) throw notFound('conversation');
  const [[summary], members] = await Promise.all([
    summaries(ctx, actor, [row]),
    conversationMembers(ctx.db, actor.orgId, id),
  ]);
  if (!summary) throw notFound('conversation');
  return presentDetail(summary, row, members);
}

/** Invites of a group, for those who may add members (a code lets anyone in the org join). */
export async function listInvites(ctx: Ctx, actor: Actor, conversationId: string): Promise<{ items: InviteOut[] }> {
  const { conversation, membership } = await requireMembership(ctx.db, actor, conversationId);
  assertMayInvite(conversation, membership.role);
  const rows = await listInviteRows(ctx.db, actor.orgId, conversationId);
  return { items: rows.map(presentInvite) };
}
