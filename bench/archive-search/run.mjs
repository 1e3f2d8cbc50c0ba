// Archive search: Concord's index (tokenizer → FTS5 / PostgreSQL GIN, filter tags) against a LIKE '%…%' scan, on N archived messages.
// Generates an org of 500 members and 20,000 conversations with N Chinese/English chat messages
// over two years, written straight into the product's tables (schema from the real migrations),
// then times the newest-20 page for each query: two-character words, phrases, mixed
// Latin/Chinese, single characters and English, each alone and with one filter (a member, a
// conversation, a month, a department-tree scope). Concord's figure is the search as the API runs
// it: findDocs (the index query) + presentRecords (read, decode, highlight, names of 20 hits).
// Options: --n N messages (default 1,000,000; the product issue names 10,000,000), --store
// sqlite|postgres|both, --runs R timed runs per query (20), --like-runs R (3), --seed S, --quick
// (100,000 messages, 10 runs), --dir D (where the SQLite file goes), --json FILE (raw figures),
// --reuse (measure the store a previous run with the same --n and --seed loaded and left, after
// applying any migration it lacks), --pg-db NAME (the PostgreSQL database to load or reuse).
// A cold run (as an auditor's first searches meet a rarely read archive), as root before --reuse:
//   sync; echo 3 > /proc/sys/vm/drop_caches; pg_ctlcluster 15 main restart
import { org, times } from './data.mjs';
import { loadPostgres } from './load-postgres.mjs';
import { loadSqlite } from './load-sqlite.mjs';
import { measure } from './measure.mjs';
import { QUERIES } from './queries.mjs';
import { report } from './report.mjs';
import { DOC_SLOTS, fts5Expression, ftsPartitionOf, ftsTableName, queryTokens } from './server-modules.mjs';
import { log, PAGE, STORES } from './settings.mjs';

const all = [];
const counts = new Map();
for (const dialect of STORES) {
  const started = Date.now();
  let loaded;
  if (dialect === 'sqlite') {
    loaded = await loadSqlite();
    const db = loaded.store.sqlite;
    loaded.likeRaw = (where, params) =>
      db
        .prepare(
          `SELECT doc_id FROM bench_plain WHERE org_id = ? AND body LIKE ? ${where} ORDER BY doc_id DESC LIMIT ${PAGE}`,
        )
        .all(org.orgId, ...params);
    const tables = [...new Set(Array.from(times, (t) => ftsPartitionOf(t * DOC_SLOTS)))].map(ftsTableName);
    for (const { q } of QUERIES) {
      const match = fts5Expression(queryTokens(q), []);
      counts.set(
        q,
        tables.reduce((n, t) => n + db.prepare(`SELECT count(*) AS n FROM ${t} WHERE ${t} MATCH ?`).get(match).n, 0),
      );
    }
  } else {
    loaded = await loadPostgres();
  }
  log(`${dialect}: generated and indexed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  all.push(...(await measure(dialect, loaded)));
  await loaded.client?.end();
  await loaded.store.close();
}

report(all, counts);
