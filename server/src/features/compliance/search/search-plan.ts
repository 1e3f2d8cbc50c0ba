/**
 * Turns an auditor's query string and filters into what find-docs runs: the tokenizer's query,
 * tag groups for member, conversation, external participant and data scope, and the doc id
 * bounds of the time range and the page cursor. Inputs the schema cannot judge (a range that
 * ends before it starts, a cursor this server did not make) are refused here with a 400.
 */
import type { Ctx } from '../../../app/context.js';
import { invalid } from '../../../platform/errors.js';
import { queryTokens, type SearchQuery } from '../search-core/tokenize.js';
import { type ArchiveScope, scopeTags } from './archive-scope.js';
import { docIdFloor, tag } from './doc-keys.js';
import { type DocQuery, MAX_DOC_ID } from './find-docs.js';

export type ArchiveFilters = {
  q?: string | undefined;
  memberId?: string | undefined;
  conversationId?: string | undefined;
  /** An external participant, by the address they joined with. */
  guestEmail?: string | undefined;
  /** Inclusive, any ISO-8601 offset. */
  from?: string | undefined;
  /** Exclusive. */
  to?: string | undefined;
};

export type SearchPlan = Omit<DocQuery, 'limit'> & { q: string };

export const encodeSearchCursor = (docId: number): string => Buffer.from(`d${docId}`, 'utf8').toString('base64url');

/** The doc id a cursor carries; refuses a cursor this server did not make. */
export function decodeSearchCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^d(\d{1,16})$/.exec(text);
  if (!match) throw invalid('The cursor is not valid', { field: 'cursor' });
  return Number(match[1]);
}

const normaliseEmail = (email: string) => email.trim().toLowerCase();

/** The guests (members of kind guest) who joined with this address. */
async function guestIdsOf(ctx: Pick<Ctx, 'db'>, orgId: string, email: string): Promise<string[]> {
  const rows = await ctx.db
    .selectFrom('guest_identities')
    .select('member_id')
    .where('org_id', '=', orgId)
    .where('email', '=', normaliseEmail(email))
    .orderBy('member_id')
    .execute();
  return rows.map((r) => r.member_id);
}

/** The plain-data filters, as recorded in audit entries and export headers. */
export function filtersOf(input: ArchiveFilters): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ['q', 'memberId', 'conversationId', 'guestEmail', 'from', 'to'] as const) {
    const value = input[key];
    if (value !== undefined && value !== '') out[key] = value;
  }
  return out;
}

export async function planSearch(
  ctx: Pick<Ctx, 'db'>,
  orgId: string,
  scope: ArchiveScope,
  input: ArchiveFilters,
  cursor?: string,
): Promise<SearchPlan> {
  const q = input.q?.trim() ?? '';
  const text: SearchQuery | null = q === '' ? null : queryTokens(q);
  const fromId = input.from ? docIdFloor(new Date(input.from).toISOString()) : 0;
  let toId = input.to ? docIdFloor(new Date(input.to).toISOString()) : MAX_DOC_ID;
  if (input.from && input.to && fromId >= toId) {
    throw invalid('The time range ends before it starts', { field: 'to' });
  }
  if (cursor !== undefined) toId = Math.min(toId, decodeSearchCursor(cursor));
  const tagGroups: string[][] = [];
  if (input.conversationId) tagGroups.push([tag('conversation', input.conversationId)]);
  if (input.memberId) tagGroups.push([tag('member', input.memberId)]);
  if (input.guestEmail) {
    // No such participant: an empty group, which matches nothing.
    tagGroups.push((await guestIdsOf(ctx, orgId, input.guestEmail)).map((id) => tag('guest', id)));
  }
  const scoped = scopeTags(scope);
  if (scoped) tagGroups.push(scoped);
  const narrow = Boolean(input.conversationId || input.memberId || input.guestEmail);
  // A conversation has fewer docs than a member: walk it when both are named.
  const walk = input.conversationId
    ? { column: 'conversation_id' as const, id: input.conversationId }
    : input.memberId
      ? { column: 'sender_id' as const, id: input.memberId }
      : undefined;
  return { orgId, q, text, tagGroups, fromId, toId, narrow, ...(walk ? { walk } : {}) };
}
