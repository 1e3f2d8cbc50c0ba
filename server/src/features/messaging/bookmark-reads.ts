/**
 * The member's messages marked for later, newest mark first, with previews. Marks in
 * conversations the member has left are kept but not listed (their messages are no longer visible).
 */
import type { Ctx } from '../../app/context.js';
import type { Actor } from '../../authz/actor.js';
import { decodeCursor, encodeCursor, messagePreviews } from './tools-previews.js';
import type { BookmarkOut, ListBookmarksInput } from './tools-schemas.js';

export async function listBookmarks(
  ctx: Ctx,
  actor: Actor,
  query: ListBookmarksInput,
): Promise<{ items: BookmarkOut[]; nextCursor: string | null }> {
  const limit = query.limit ?? 50;
  const after = decodeCursor(query.cursor);
  let rows = ctx.db
    .selectFrom('bookmarks')
    .innerJoin('conversation_members as cm', (join) =>
      join
        .onRef('cm.conversation_id', '=', 'bookmarks.conversation_id')
        .onRef('cm.member_id', '=', 'bookmarks.member_id'),
    )
    .select(['bookmarks.message_id', 'bookmarks.created_at'])
    .where('bookmarks.org_id', '=', actor.orgId)
    .where('bookmarks.member_id', '=', actor.memberId);
  if (after) {
    rows = rows.where((eb) =>
      eb.or([
        eb('bookmarks.created_at', '<', after.at),
        eb.and([eb('bookmarks.created_at', '=', after.at), eb('bookmarks.message_id', '<', after.id)]),
      ]),
    );
  }
  const found = await rows
    .orderBy('bookmarks.created_at', 'desc')
    .orderBy('bookmarks.message_id', 'desc')
    .limit(limit + 1)
    .execute();
  const page = found.slice(0, limit);
  const previews = await messagePreviews(
    ctx.db,
    actor.orgId,
    actor.memberId,
    page.map((r) => r.message_id),
  );
  const last = page[page.length - 1];
  return {
    items: page.flatMap((r) => {
      const message = previews.get(r.message_id);
      return message ? [{ bookmarkedAt: r.created_at, message }] : [];
    }),
    nextCursor: found.length > limit && last ? encodeCursor(last.created_at, last.message_id) : null,
  };
}
