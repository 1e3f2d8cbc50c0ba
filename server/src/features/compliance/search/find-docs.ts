/**
 * The search itself, newest first, on either store. What to match is the tokenizer's query plus
 * filter tag groups (every group must match, any tag within a group), all given to the store's
 * full-text engine as one expression; the time range and the page cursor bound doc ids.
 *
 *   SQLite:     FTS5 MATCH, ORDER BY rowid DESC, in the time-partitioned tables newest first
 *               (fts-partitions.ts); each stops once the page is full, joining hits to doc rows.
 *   PostgreSQL: tsvector @@ tsquery on the GIN index. With one member or conversation named,
 *               its newest docs are walked first; otherwise the org's newest docs in the range,
 *               then the newest hits are looked for in growing windows of days or months named
 *               by time tags (see findInPostgres).
 */
import { sql } from 'kysely';
import type { Ctx } from '../../../app/context.js';
import { type SearchQuery, toFtsQuery, toTsQuery } from '../search-core/tokenize.js';
import { dayOfDocId, dayStartDocId, filterTags, monthEndDay, monthStartDay, windowTags } from './doc-keys.js';
import { DOC_COLUMNS, type DocQuery, type DocRow, normaliseDoc } from './doc-query.js';
import { ftsPartitionOf, ftsPartitions, ftsTableName } from './fts-partitions.js';
import { walkNewest } from './walk-newest.js';

export type { DocQuery, DocRow } from './doc-query.js';
export { DOC_COLUMNS } from './doc-query.js';

/** Above every doc id (the year 2248 in ms × 1024). */
export const MAX_DOC_ID = Number.MAX_SAFE_INTEGER;

const quoteFts = (token: string) => `"${token.replace(/"/g, '""')}"`;
const quoteTs = (token: string) => `'${token.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/** The FTS5 MATCH expression, or null when there is nothing to match on. */
export function fts5Expression(text: SearchQuery | null, groups: DocQuery['tagGroups']): string | null {
  const parts = text ? [toFtsQuery(text) as string] : [];
  for (const group of groups) {
    const tags = group.map(quoteFts);
    parts.push(tags.length === 1 ? (tags[0] as string) : `(${tags.join(' OR ')})`);
  }
  return parts.length > 0 ? parts.join(' AND ') : null;
}

/** The to_tsquery('simple', …) text, or null when there is nothing to match on. */
export function tsqueryExpression(text: SearchQuery | null, groups: DocQuery['tagGroups']): string | null {
  const parts = text ? [toTsQuery(text) as string] : [];
  for (const group of groups) {
    const tags = group.map(quoteTs);
    parts.push(tags.length === 1 ? (tags[0] as string) : `(${tags.join(' | ')})`);
  }
  return parts.length > 0 ? parts.join(' & ') : null;
}

/** A page of docs, newest first. */
export async function findDocs(ctx: Pick<Ctx, 'db' | 'dialect'>, query: DocQuery): Promise<DocRow[]> {
  if (query.text?.mode === 'none' || query.tagGroups.some((g) => g.length === 0)) return [];
  if (query.limit <= 0 || query.fromId >= query.toId) return [];
  if (query.text === null && query.tagGroups.length === 0) {
    const rows = await ctx.db
      .selectFrom('archive_search_docs')
      .select(DOC_COLUMNS)
      .where('org_id', '=', query.orgId)
      .where('doc_id', '>=', query.fromId)
      .where('doc_id', '<', query.toId)
      .orderBy('doc_id', 'desc')
      .limit(query.limit)
      .execute();
    return rows.map(normaliseDoc);
  }
  return ctx.dialect === 'sqlite' ? findInFts5(ctx, query) : findInPostgres(ctx, query);
}

/** A partition's newest doc ids with the text alone, within the bounds (at most `limit`). */
async function textHits(ctx: Pick<Ctx, 'db'>, table: string, text: SearchQuery, query: DocQuery, limit: number) {
  const fts = sql.table(table);
  const { rows } = await sql<{ rowid: number }>`
    SELECT rowid FROM ${fts} WHERE ${fts} MATCH ${toFtsQuery(text)}
      AND rowid >= ${query.fromId} AND rowid < ${query.toId}
    ORDER BY rowid DESC LIMIT ${limit}`.execute(ctx.db);
  return rows.map((r) => Number(r.rowid));
}

/** These docs, newest first, those whose filter tags meet every tag group (as the MATCH would). */
async function docsInGroups(ctx: Pick<Ctx, 'db'>, query: DocQuery, ids: number[], limit: number) {
  const rows = await ctx.db
    .selectFrom('archive_search_docs')
    .select(DOC_COLUMNS)
    .where('org_id', '=', query.orgId)
    .where('doc_id', 'in', ids)
    .orderBy('doc_id', 'desc')
    .execute();
  const inGroups = (row: DocRow) => {
    const tags = new Set(
      filterTags({
        conversationId: row.conversation_id,
        senderId: row.sender_id,
        departmentIds: JSON.parse(row.department_ids) as string[],
        guestIds: JSON.parse(row.guest_ids) as string[],
      }),
    );
    return query.tagGroups.every((group) => group.some((t) => tags.has(t)));
  };
  return rows.filter(inGroups).slice(0, limit).map(normaliseDoc);
}

/** Fewer text hits than this in a partition: a scope is checked on those docs' rows. */
const FEW_TEXT_HITS = 500;

/**
 * Newest partition first, each read from its end within the bounds, until the page is full.
 * With filters, a partition is first asked for the text alone: FTS5 sets up every filter tag's
 * doclist (a department scope ORs several long ones) before it can intersect them with the text,
 * which costs more than the whole answer when the text is absent (skip the partition) or, for a
 * scope, has few hits there (check the scope on those few docs' rows instead).
 */
async function findInFts5(ctx: Pick<Ctx, 'db'>, query: DocQuery): Promise<DocRow[]> {
  const match = fts5Expression(query.text, query.tagGroups) as string;
  const probe = query.text && query.tagGroups.length > 0 ? query.text : null;
  const first = ftsPartitionOf(query.fromId);
  const last = ftsPartitionOf(query.toId - 1);
  const found: DocRow[] = [];
  for (const partition of await ftsPartitions(ctx.db)) {
    if (partition > last) continue;
    if (partition < first || found.length >= query.limit) break;
    if (probe) {
      // A narrow filter's tags are short lists that FTS5 intersects cheaply: only skip partitions.
      const few = query.narrow ? 1 : (query.fewTextHits ?? FEW_TEXT_HITS);
      const ids = await textHits(ctx, ftsTableName(partition), probe, query, few);
      if (ids.length < few) {
        if (ids.length > 0) found.push(...(await docsInGroups(ctx, query, ids, query.limit - found.length)));
        continue;
      }
    }
    const fts = sql.table(ftsTableName(partition));
    const { rows } = await sql<DocRow>`
      SELECT d.doc_id, d.org_id, d.record_id, d.record_seq, d.type, d.at, d.conversation_id, d.message_id,
             d.sender_id, d.external, d.department_ids, d.guest_ids
      FROM ${fts} AS f
      JOIN archive_search_docs d ON d.doc_id = f.rowid
      WHERE ${fts} MATCH ${match}
        AND f.rowid >= ${query.fromId} AND f.rowid < ${query.toId}
        AND d.org_id = ${query.orgId}
      ORDER BY f.rowid DESC
      LIMIT ${query.limit - found.length}`.execute(ctx.db);
    found.push(...rows.map(normaliseDoc));
  }
  return found;
}

/**
 * One GIN lookup, newest first. `onRow`: a tsquery checked on each candidate row rather than in
 * the index (ts_match_vq is @@ as a function, which no index serves): a scope's tags OR several
 * long posting lists, which GIN would read at length to thin out a text that has few hits.
 */
async function postgresPage(
  ctx: Pick<Ctx, 'db'>,
  query: DocQuery,
  tsquery: string,
  fromId: number,
  toId: number,
  limit: number,
  onRow: string | null = null,
): Promise<DocRow[]> {
  const rows = await ctx.db
    .selectFrom('archive_search_docs')
    .select(DOC_COLUMNS)
    .where('org_id', '=', query.orgId)
    .where(sql<boolean>`tokens @@ to_tsquery('simple', ${tsquery})`)
    .$if(onRow !== null, (qb) => qb.where(sql<boolean>`ts_match_vq(tokens, to_tsquery('simple', ${onRow}))`))
    .where('doc_id', '>=', fromId)
    .where('doc_id', '<', toId)
    // Sorting by an expression keeps the planner off walking the primary key backwards and
    // testing every row, which it picks when it guesses a word is common and is ruinous when not.
    .orderBy(sql`doc_id + 0`, 'desc')
    .limit(limit)
    .execute();
  return rows.map(normaliseDoc);
}

/**
 * A named member or conversation: its newest docs are walked first (walkNewest), then the older
 * rest is one GIN lookup. Another narrow query (an external participant) has few candidates: one
 * GIN lookup over the whole range. A scope filter (a department tree: a fifth of an org's docs,
 * say) walks the org's newest docs first, so a common word fills the page from a few thousand
 * rows whatever the archive's size, and only then looks in windows of days for the text, the
 * scope checked on each candidate row (measured on 2 million docs: "Q3 目标" in a department tree
 * 1.4 ms so, 10–19 ms with the scope's tags in the GIN lookup). Text without filters, or within a
 * time range only, walks the org's newest docs in the range the same way, then windows
 * (findInWindows): a common word in a month fills the page from the walk (measured on 10 million
 * docs: "客户" within a month 44–55 ms p50 from day windows, 2 ms so).
 */
async function findInPostgres(ctx: Pick<Ctx, 'db'>, query: DocQuery): Promise<DocRow[]> {
  const tsquery = tsqueryExpression(query.text, query.tagGroups) as string;
  if (query.walk && query.text) {
    const walked = await walkNewest(ctx, query, tsquery, query.walk);
    if (walked.below === null) return walked.found;
    const left = query.limit - walked.found.length;
    return [...walked.found, ...(await postgresPage(ctx, query, tsquery, query.fromId, walked.below, left))];
  }
  if (query.narrow) return postgresPage(ctx, query, tsquery, query.fromId, query.toId, query.limit);
  if (query.text) {
    const walked = await walkNewest(ctx, query, tsquery, null);
    if (walked.below === null) return walked.found;
    const rest = { ...query, toId: walked.below, limit: query.limit - walked.found.length };
    const scope = query.tagGroups.length > 0 ? tsqueryExpression(null, query.tagGroups) : null;
    return [...walked.found, ...(await findInWindows(ctx, { ...rest, tagGroups: [] }, scope))];
  }
  return findInWindows(ctx, query, null);
}

/**
 * The newest hits looked for a window of days at a time (`onRow`: see postgresPage), the window's
 * day or month tags AND-ed into the tsquery so that the GIN index itself keeps to the window and
 * only the window's candidates are read from the table. The first window is the newest day; each
 * next one is sized from the hits per day seen so far to fill the page. When two months have given
 * nothing, or the next window would be longer than two months, the rest of the range is one plain
 * lookup (its hits are rare enough to read them all).
 */
async function findInWindows(ctx: Pick<Ctx, 'db'>, query: DocQuery, onRow: string | null): Promise<DocRow[]> {
  const tsquery = tsqueryExpression(query.text, query.tagGroups) as string;
  const span = await ctx.db
    .selectFrom('archive_search_docs')
    .select((eb) => [eb.fn.min('doc_id').as('oldest'), eb.fn.max('doc_id').as('newest')])
    .where('org_id', '=', query.orgId)
    .executeTakeFirst();
  if (span?.newest === null || span?.newest === undefined || span.oldest === null) return [];
  const found: DocRow[] = [];
  let upper = Math.min(query.toId, Number(span.newest) + 1);
  const firstDay = Math.max(dayOfDocId(query.fromId), dayOfDocId(Number(span.oldest)));
  let endDay = dayOfDocId(upper - 1);
  let days = 1;
  let scanned = 0;
  let perDay = 0;
  while (found.length < query.limit && upper > query.fromId && endDay >= firstDay) {
    const sized = Math.max(firstDay, endDay - days + 1);
    // A month is one tag where its days are thirty OR-ed together, but GIN returns its every hit,
    // each read from the table: months while the hits seen so far say a month holds few, and the
    // window then takes in the rest of its first month (its hits are read anyway).
    const reads = perDay * (onRow ? READS_PER_SCOPED_HIT : 1) * (monthEndDay(endDay) - monthStartDay(sized) + 1);
    const byMonth = sized < endDay && reads <= (query.monthReads ?? MONTH_READS);
    const startDay = byMonth ? Math.max(firstDay, monthStartDay(sized)) : sized;
    if ((scanned >= RARE_AFTER_DAYS && found.length === 0) || endDay - startDay > MAX_WINDOW_DAYS) {
      // Rare hits, or a window so long that naming its months costs more than it saves.
      found.push(...(await postgresPage(ctx, query, tsquery, query.fromId, upper, query.limit - found.length, onRow)));
      break;
    }
    const lower = Math.max(query.fromId, dayStartDocId(startDay));
    const tags = windowTags(startDay, endDay, byMonth);
    const windowed = tsqueryExpression(query.text, [...query.tagGroups, tags]) as string;
    found.push(...(await postgresPage(ctx, query, windowed, lower, upper, query.limit - found.length, onRow)));
    scanned += endDay - startDay + 1;
    upper = lower;
    endDay = startDay - 1;
    perDay = found.length / scanned;
    const wanted = perDay > 0 ? Math.ceil((2 * (query.limit - found.length)) / perDay) : days * 8;
    days = Math.max(days * 2, wanted);
  }
  return found;
}

/** Hits a window may be expected to read before its days are named by months (each hit read: 10–40 µs). */
const MONTH_READS = 150;
/** A scope checked on rows: each hit in it comes with about four outside it, read and dropped. */
const READS_PER_SCOPED_HIT = 5;
/** Two months without a hit: the rest is looked up in one go. */
const RARE_AFTER_DAYS = 60;
/**
 * Windows longer than two months are looked up without time tags: GIN pays for each month OR-ed
 * in (measured on 10 million docs: 15–37 ms for six), and hits that sparse cost less to read all.
 */
const MAX_WINDOW_DAYS = 62;
