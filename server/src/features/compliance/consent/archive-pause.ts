/**
 * When a conversation is not archived because an external participant declined: under the
 * `not_archived` policy, from each decline of a participant still in the group until their
 * next agreement. Syncing skips the events of those spans (the cursor moves past them, no
 * record is appended), judged by each event's own time so a late sync decides the same.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.js';
import type { ArchiveSettings } from '../archive/archive-settings.js';

type Span = { from: string; until: string | null };

const NEVER = (): boolean => false;

/** A test of an event time: true when the conversation was paused then. */
export async function consentPause(
  db: Kysely<Database>,
  orgId: string,
  conversationId: string,
  settings: Pick<ArchiveSettings, 'declinePolicy'>,
): Promise<(at: string) => boolean> {
  if (settings.declinePolicy !== 'not_archived') return NEVER;
  const rows = await db
    .selectFrom('archive_consents as c')
    .innerJoin('conversation_members as cm', (join) =>
      join.onRef('cm.member_id', '=', 'c.subject_id').onRef('cm.conversation_id', '=', 'c.conversation_id'),
    )
    .select(['c.subject_id', 'c.status', 'c.at'])
    .where('c.org_id', '=', orgId)
    .where('c.conversation_id', '=', conversationId)
    .where('c.subject_kind', '=', 'guest')
    .orderBy('c.at')
    .orderBy('c.id')
    .execute();
  if (rows.length === 0) return NEVER;
  const spans = declineSpans(rows.map((r) => ({ subjectId: r.subject_id, status: r.status, at: r.at })));
  if (spans.length === 0) return NEVER;
  return (at) => spans.some((s) => at >= s.from && (s.until === null || at < s.until));
}

/** Each participant's spans from a decline to the next agreement (open while still declined). */
export function declineSpans(history: readonly { subjectId: string; status: string; at: string }[]): Span[] {
  const open = new Map<string, string>();
  const spans: Span[] = [];
  for (const h of history) {
    const since = open.get(h.subjectId);
    if (h.status === 'declined' && since === undefined) open.set(h.subjectId, h.at);
    if (h.status === 'agreed' && since !== undefined) {
      spans.push({ from: since, until: h.at });
      open.delete(h.subjectId);
    }
  }
  for (const from of open.values()) spans.push({ from, until: null });
  return spans;
}
