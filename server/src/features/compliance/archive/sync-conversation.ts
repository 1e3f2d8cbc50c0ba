/**
 * Brings one conversation's archive up to date: reads its event log after the archive cursor
 * and appends a record for each event of a covered conversation made since archiving was turned
 * on (and not while an external participant's decline pauses it), plus hides not yet archived. Cursor, records and head move in one transaction, so a crash
 * or a second node repeats nothing and loses nothing; the periodic sweep catches up any
 * conversation whose live trigger was missed.
 */
import type { Kysely } from 'kysely';
import type { Ctx } from '../../../app/context.js';
import type { Database } from '../../../platform/db/schema.js';
import { listEventsAfter } from '../../messaging/index.js';
import { consentPause } from '../consent/archive-pause.js';
import { indexArchiveRecords } from '../search/index-records.js';
import { type AppendedRecord, appendArchiveRecords, type NewArchiveRecord } from './append-records.js';
import { type ArchiveSettings, conversationCovered, readArchiveSettings } from './archive-settings.js';
import { maskedOriginals } from './masked-originals.js';
import { recordOfEvent, recordOfHide } from './record-of-event.js';

const BATCH = 500;

async function lockCursor(ctx: Pick<Ctx, 'dialect'>, tx: Kysely<Database>, orgId: string, conversationId: string) {
  await tx
    .insertInto('archive_cursors')
    .values({ conversation_id: conversationId, org_id: orgId, last_seq: 0 })
    .onConflict((oc) => oc.column('conversation_id').doNothing())
    .execute();
  let query = tx.selectFrom('archive_cursors').select('last_seq').where('conversation_id', '=', conversationId);
  if (ctx.dialect === 'postgres') query = query.forUpdate();
  return Number((await query.executeTakeFirstOrThrow()).last_seq);
}

async function unarchivedHides(tx: Kysely<Database>, orgId: string, conversationId: string) {
  return tx
    .selectFrom('message_hides as h')
    .innerJoin('messages as m', 'm.id', 'h.message_id')
    .select(['h.message_id', 'h.member_id'])
    .where('h.org_id', '=', orgId)
    .where('m.conversation_id', '=', conversationId)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('archive_records as r')
            .select('r.id')
            .where('r.org_id', '=', orgId)
            .whereRef('r.message_id', '=', 'h.message_id')
            .whereRef('r.actor_id', '=', 'h.member_id')
            .where('r.type', '=', 'message.hidden'),
        ),
      ),
    )
    .execute();
}

/** Archives what is pending for one conversation; returns the records appended. */
export async function syncConversation(
  ctx: Ctx,
  orgId: string,
  conversationId: string,
  known?: ArchiveSettings,
): Promise<AppendedRecord[]> {
  const settings = known ?? (await readArchiveSettings(ctx.db, orgId));
  const appended: AppendedRecord[] = [];
  for (;;) {
    const batch = await ctx.db.transaction().execute(async (tx) => {
      const cursor = await lockCursor(ctx, tx, orgId, conversationId);
      const events = await listEventsAfter(tx, orgId, conversationId, cursor, BATCH);
      const covered = await conversationCovered(tx, orgId, conversationId, settings);
      const records: NewArchiveRecord[] = [];
      if (covered && settings.enabledAt) {
        const since = settings.enabledAt;
        // Under the not_archived policy, events while an external participant declined stay out.
        const paused = await consentPause(tx, orgId, conversationId, settings);
        const kept = events.filter((e) => e.at >= since && !paused(e.at));
        const originals = await maskedOriginals(tx, orgId, kept);
        records.push(...kept.map((e) => recordOfEvent(e, originals.get(e.seq))));
        const now = ctx.clock.now().toISOString();
        for (const h of await unarchivedHides(tx, orgId, conversationId)) {
          records.push(recordOfHide({ messageId: h.message_id, memberId: h.member_id, conversationId, at: now }));
        }
      }
      const last = events.at(-1);
      if (last) {
        await tx
          .updateTable('archive_cursors')
          .set({ last_seq: last.seq })
          .where('conversation_id', '=', conversationId)
          .execute();
      }
      const added = await appendArchiveRecords(ctx, tx, orgId, records);
      await indexArchiveRecords(ctx, tx, orgId, added);
      return { done: events.length < BATCH, added };
    });
    appended.push(...batch.added);
    if (batch.done) return appended;
  }
}

/** Every conversation of the org whose log is ahead of its archive cursor (the periodic sweep). */
export async function syncOrg(ctx: Ctx, orgId: string): Promise<number> {
  const settings = await readArchiveSettings(ctx.db, orgId);
  if (!settings.enabled) return 0;
  const behind = await ctx.db
    .selectFrom('conversations as c')
    .leftJoin('archive_cursors as a', 'a.conversation_id', 'c.id')
    .select('c.id')
    .where('c.org_id', '=', orgId)
    .where((eb) => eb.or([eb('a.last_seq', 'is', null), eb('a.last_seq', '<', eb.ref('c.last_seq'))]))
    .execute();
  let count = 0;
  for (const row of behind) count += (await syncConversation(ctx, orgId, row.id, settings)).length;
  return count;
}
