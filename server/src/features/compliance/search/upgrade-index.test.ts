/**
 * An archive indexed before pair tokens (the tokens of that version, written into the index as
 * that version wrote them) is found by "Q3" once migration 0013 and the background upgrade job
 * ran, with its content encrypted at rest so the upgrade has to read it through the archive's keys.
 */
import { type Selectable, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSearchWorld, type SearchWorld } from '../../../../test/archive-search-fixture.js';
import { startTestServer, type TestServer } from '../../../../test/harness.js';
import { STORE_KINDS } from '../../../../test/stores.js';
import { ensureRecurringJobs } from '../../../app/jobs.js';
import type { ArchiveSearchDocTable } from '../../../platform/db/compliance-tables.js';
import { migrateToLatest } from '../../../platform/db/migrate.js';
import { plainContent } from '../archive/verify-archive.js';
import { generateBodyKey } from '../archive-core/body-cipher.js';
import { indexTokens, toFtsDocument } from '../search-core/tokenize.js';
import { ftsPartitionOf, ftsTableName } from './fts-partitions.js';
import { docText } from './index-records.js';
import { recordText, textPieces } from './record-text.js';
import { upgradeSearchIndex, upgradeSearchIndexStep } from './upgrade-index.js';
import { docSignature } from './walk-signature.js';

type Page = { items: { type: string; text: string; highlights: { start: number; end: number }[] }[] };

/** Tokens before this version: no token mixes letters and digits (only tags did, and come first). */
const legacyTokens = (text: string) => indexTokens(text).filter((t) => !(/\p{L}/u.test(t) && /\p{Nd}/u.test(t)));

describe.each(STORE_KINDS)('upgrading an archive search index made before pair tokens on %s', (kind) => {
  let server: TestServer;
  let w: SearchWorld;

  beforeAll(async () => {
    server = await startTestServer(kind, {
      archive: { signingKey: undefined, bodyKeys: `k1:${generateBodyKey()}`, checkpointMinutes: 60 },
    });
    w = await buildSearchWorld(server);
    for (const [i, body] of ['2024Q3目标达成', 'Q 3 目标，先看3Q'].entries()) {
      server.clock.advance(60_000);
      const res = await w.call(w.seller.headers, 'POST', `/api/v1/conversations/${w.groupId}/messages`, {
        clientMsgId: `q3-${i}`,
        body,
      });
      expect(res.statusCode, res.body).toBe(200);
    }
  });
  afterAll(() => server.close());

  const search = async (q: string) => {
    const res = await w.call(w.admin, 'GET', `/api/v1/archive/search?${new URLSearchParams({ q })}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as Page).items.map((h) => `${h.type}:${h.text}`);
  };

  type Doc = Selectable<ArchiveSearchDocTable>;
  /** A doc's searchable pieces, read from its (encrypted) record. */
  async function piecesOf(doc: Doc): Promise<string[]> {
    const record = await server.ctx.db
      .selectFrom('archive_records')
      .selectAll()
      .where('id', '=', doc.record_id)
      .executeTakeFirstOrThrow();
    expect(record.content?.startsWith('v1.')).toBe(true);
    return textPieces(recordText(doc.type, JSON.parse(plainContent(server.ctx, record) ?? 'null')));
  }
  /** A doc's token text: its tags as written, then the current tokens of these pieces. */
  const textOf = (doc: Doc, pieces: string[]) =>
    docText({
      at: doc.at,
      conversationId: doc.conversation_id,
      senderId: doc.sender_id,
      external: false,
      departmentIds: JSON.parse(doc.department_ids) as string[],
      guestIds: JSON.parse(doc.guest_ids) as string[],
      pieces,
    });

  /** Rewrites every doc's index entry with the old tokens of its text, as the earlier version stored them. */
  async function indexAsBefore(): Promise<number> {
    const { db, dialect } = server.ctx;
    const docs = await db.selectFrom('archive_search_docs').selectAll().execute();
    let mixed = 0;
    for (const doc of docs) {
      const pieces = await piecesOf(doc);
      if (pieces.some((piece) => legacyTokens(piece).length !== indexTokens(piece).length)) mixed++;
      const tags = textOf(doc, []);
      const text = toFtsDocument([tags, ...pieces.flatMap(legacyTokens)].filter(Boolean));
      const docId = Number(doc.doc_id);
      if (dialect === 'postgres') {
        await sql`UPDATE archive_search_docs SET tokens = to_tsvector('simple', ${text}) WHERE doc_id = ${docId}`.execute(
          db,
        );
      } else {
        const fts = sql.table(ftsTableName(ftsPartitionOf(docId)));
        await sql`DELETE FROM ${fts} WHERE rowid = ${docId}`.execute(db);
        await sql`INSERT INTO ${fts} (rowid, body) VALUES (${docId}, ${text})`.execute(db);
      }
    }
    return mixed;
  }

  it('finds earlier records by their letter and digit runs after the migration', async () => {
    expect(await search('Q3')).toEqual(['created:2024Q3目标达成']);
    // Back to the earlier version's index, and to the schema before migration 0013.
    expect(await indexAsBefore()).toBe(3);
    await sql`DROP TABLE archive_search_upgrades`.execute(server.ctx.db);
    await sql`DELETE FROM kysely_migration WHERE name = '0013-archive-search-runs'`.execute(server.ctx.db);
    expect(await search('Q3')).toEqual([]);
    expect(await search('iPhone15报价')).toEqual([]);

    expect(await migrateToLatest(server.ctx.db, server.ctx.dialect)).toEqual(['0013-archive-search-runs']);
    // A first slice, as an interrupted run would leave it: searches answer meanwhile, and the
    // pending upgrade remembers where to go on.
    const first = await upgradeSearchIndexStep(server.ctx, { maxBatches: 1, batchSize: 2 });
    expect(first.done).toBe(false);
    expect(first.rewritten).toBeLessThanOrEqual(2);
    expect(await server.ctx.db.selectFrom('archive_search_upgrades').select('name').execute()).toHaveLength(1);
    expect(await search('2024')).toEqual(['created:2024Q3目标达成']);

    // The server queues the rest as a background job when it starts; the worker finishes it.
    await ensureRecurringJobs(server.ctx);
    const queued = () =>
      server.ctx.db
        .selectFrom('jobs')
        .select('state')
        .where('type', '=', 'archive.search_upgrade')
        .where('state', 'in', ['queued', 'running'])
        .execute();
    expect(await queued()).toHaveLength(1);
    await server.runtime.worker.runDue();
    expect(await queued()).toEqual([]);

    expect(await search('Q3')).toEqual(['created:2024Q3目标达成']);
    expect(await search('Q3 目标')).toEqual(['created:2024Q3目标达成']);
    expect(await search('iPhone15报价')).toEqual(['created:新款iPhone15报价：5999元']);
    // Words and numbers alone find what they found before.
    expect(await search('q 3')).toEqual(['created:Q 3 目标，先看3Q', 'created:2024Q3目标达成']);
    expect(await search('iphone')).toEqual(['created:新款iPhone15报价：5999元']);
    expect(await server.ctx.db.selectFrom('archive_search_upgrades').selectAll().execute()).toEqual([]);
    expect(await upgradeSearchIndex(server.ctx)).toBe(0);
    await ensureRecurringJobs(server.ctx);
    expect(await queued()).toEqual([]);
  });

  it.skipIf(kind === 'sqlite')('gives docs indexed before walk signatures theirs after migration 0024', async () => {
    const { db, dialect } = server.ctx;
    // Back to the schema before migration 0024: no signatures, the walk indexes as 0012 made them.
    await sql`ALTER TABLE archive_search_docs DROP COLUMN walk_sig`.execute(db);
    await sql`CREATE INDEX archive_search_docs_sender_walk ON archive_search_docs (org_id, sender_id, doc_id)`.execute(
      db,
    );
    await sql`CREATE INDEX archive_search_docs_conversation_walk
              ON archive_search_docs (org_id, conversation_id, doc_id)`.execute(db);
    await sql`DELETE FROM kysely_migration WHERE name = '0024-archive-search-signatures'`.execute(db);
    expect(await migrateToLatest(db, dialect)).toEqual(['0024-archive-search-signatures']);
    const unsigned = () =>
      db.selectFrom('archive_search_docs').select('doc_id').where('walk_sig', 'is', null).execute();
    const docs = await unsigned();
    expect(docs.length).toBeGreaterThan(5);
    expect(await search('Q3')).toEqual(['created:2024Q3目标达成']);

    expect(await upgradeSearchIndex(server.ctx)).toBe(docs.length);
    expect(await unsigned()).toEqual([]);
    expect(await db.selectFrom('archive_search_upgrades').selectAll().execute()).toEqual([]);
    for (const doc of await db.selectFrom('archive_search_docs').selectAll().execute()) {
      const text = textOf(doc, await piecesOf(doc));
      const bits = BigInt(`0x${docSignature(text).slice(1)}`)
        .toString(2)
        .padStart(512, '0');
      expect(doc.walk_sig).toBe(bits);
    }
  });
});
