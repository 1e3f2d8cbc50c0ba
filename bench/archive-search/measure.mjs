/** Times each query and filter shape: Concord's search as the API runs it, then the LIKE scan. */
import { org } from './data.mjs';
import { docQuery, filterFor, likeQuery, QUERIES, VARIANTS } from './queries.mjs';
import { findDocs, loadConfig, presentRecords } from './server-modules.mjs';
import { LIKE_RUNS, log, PAGE, RUNS } from './settings.mjs';

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;

/** Concord's search for each shape, RUNS times; then the LIKE scan for each (see measure). */
async function timeConcord(ctx, q, variant) {
  const concord = [];
  const index = [];
  let hits = 0;
  await findDocs(ctx, docQuery(q, filterFor(variant, 0)));
  for (let i = 0; i < RUNS; i++) {
    const query = docQuery(q, filterFor(variant, i));
    const start = process.hrtime.bigint();
    const docs = await findDocs(ctx, query);
    index.push(ms(start));
    await presentRecords(ctx, org.orgId, docs, q);
    concord.push(ms(start));
    hits += docs.length;
  }
  return { concord, index, hits };
}

async function timeLike(dialect, loaded, q, variant) {
  const like = [];
  for (let i = 0; i < LIKE_RUNS; i++) {
    const { where, params } = likeQuery(q, filterFor(variant, i), dialect);
    const start = process.hrtime.bigint();
    if (dialect === 'sqlite') loaded.likeRaw(where, params);
    else
      await loaded.client.query(
        `SELECT doc_id FROM bench_plain WHERE org_id = $1 AND body ILIKE $2 ${where} ORDER BY doc_id DESC LIMIT ${PAGE}`,
        [org.orgId, ...params],
      );
    like.push(ms(start));
  }
  return like;
}

/**
 * Every shape through Concord first, then every LIKE scan: a scan reads the whole plain table,
 * which would push the archive's pages out of the OS cache between Concord's timings — a cost
 * of the baseline's table sitting beside it, not of the search.
 */
export async function measure(dialect, loaded) {
  const ctx = { db: loaded.store.db, dialect, config: loadConfig({}) };
  const shapes = QUERIES.flatMap(({ q, kind }) => VARIANTS.map((variant) => ({ q, kind, variant })));
  const timed = [];
  for (const { q, variant } of shapes) {
    const t = await timeConcord(ctx, q, variant);
    timed.push(t);
    log(
      `${dialect} ${q} [${variant}] p50 ${percentile(t.concord, 50).toFixed(1)} ms, p99 ${percentile(t.concord, 99).toFixed(1)} ms`,
    );
  }
  const results = [];
  for (const [i, { q, kind, variant }] of shapes.entries()) {
    const { concord, index, hits } = timed[i];
    const like = await timeLike(dialect, loaded, q, variant);
    results.push({
      store: dialect,
      q,
      kind,
      variant,
      hitsPerPage: hits / RUNS,
      p50: percentile(concord, 50),
      p99: percentile(concord, 99),
      indexP50: percentile(index, 50),
      indexP99: percentile(index, 99),
      likeP50: percentile(like, 50),
      likeP99: percentile(like, 99),
    });
    log(`${dialect} ${q} [${variant}] LIKE p50 ${percentile(like, 50).toFixed(0)} ms`);
  }
  return results;
}
