/**
 * The two things archive search adds to the tokenizer's text: filter tags and time-ordered ids.
 *
 * Tags. Each indexed record also carries tokens naming its conversation, sender, the sender's
 * departments and the external participants present, so a filter is one more AND term for the
 * full-text engine (FTS5 and GIN intersect posting lists) instead of a second pass over the rows.
 * A tag is `z` + kind + `0` + the id in hex. The tokenizer mixes letters and digits in one token
 * only when it pairs touching runs ("Q3" → q3), and never makes a pair of that shape (z, a
 * letter, 0), so no message text and no typed query can match or forge a tag.
 *
 * Time tags. Each document also carries its UTC day and month (days and months since 1970), so
 * PostgreSQL can find the newest hits a window of days at a time inside the GIN index (see
 * find-docs.ts) instead of reading every older match's row.
 *
 * Doc ids. `doc_id` = the record's time in milliseconds × 1024 + a slot, so newest-first is
 * `ORDER BY doc_id DESC` (FTS5 walks its index in rowid order and stops at the page size) and a
 * time range is an id range. 1024 records per millisecond; a busier millisecond spills into the
 * next one. Stays below 2^53 (exact in JavaScript) until the year 2248.
 */

export const DOC_SLOTS = 1024;
const DAY_MS = 86_400_000;

export type TagKind = 'conversation' | 'member' | 'department' | 'guest' | 'day' | 'month';

const TAG_PREFIX: Record<TagKind, string> = {
  conversation: 'zc0',
  member: 'zm0',
  department: 'zd0',
  guest: 'zg0',
  day: 'zy0',
  month: 'zo0',
};

/** The id as lower-case hex: a UUID without its dashes, anything else as the hex of its UTF-8. */
function idHex(id: string): string {
  return /^[0-9a-fA-F-]+$/.test(id) ? id.replace(/-/g, '').toLowerCase() : Buffer.from(id, 'utf8').toString('hex');
}

/** The token that tags a document with this conversation, member, department or guest. */
export function tag(kind: TagKind, id: string): string {
  return `${TAG_PREFIX[kind]}${idHex(id)}`;
}

/** The filter tags a doc carries: its conversation, sender, the sender's departments, the guests present. */
export function filterTags(doc: {
  conversationId: string;
  senderId: string | null;
  departmentIds: readonly string[];
  guestIds: readonly string[];
}): string[] {
  return [
    tag('conversation', doc.conversationId),
    ...(doc.senderId ? [tag('member', doc.senderId)] : []),
    ...doc.departmentIds.map((d) => tag('department', d)),
    ...doc.guestIds.map((g) => tag('guest', g)),
  ];
}

/** The first doc id of the millisecond an ISO time falls in. */
export function docIdFloor(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`not a time: ${iso}`);
  return ms * DOC_SLOTS;
}

/** The time a doc id stands for (its millisecond). */
export function docIdTime(docId: number): string {
  return new Date(Math.floor(docId / DOC_SLOTS)).toISOString();
}

/** Days since 1970-01-01 (UTC) of a doc id. */
export const dayOfDocId = (docId: number): number => Math.floor(docId / DOC_SLOTS / DAY_MS);

/** The first doc id of a UTC day. */
export const dayStartDocId = (day: number): number => day * DAY_MS * DOC_SLOTS;

const monthOfDay = (day: number): number => {
  const d = new Date(day * DAY_MS);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
};

/** The day and month tags of a record's time. */
export function timeTags(at: string): string[] {
  const day = Math.floor(Date.parse(at) / DAY_MS);
  return [tag('day', String(day)), tag('month', String(monthOfDay(day)))];
}

/** The first day of the UTC month a day falls in. */
export function monthStartDay(day: number): number {
  const d = new Date(day * DAY_MS);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / DAY_MS;
}

/** The last day of the UTC month a day falls in. */
export function monthEndDay(day: number): number {
  const d = new Date(day * DAY_MS);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / DAY_MS - 1;
}

/**
 * Tags whose documents include every document of the days [fromDay, toDay]: one tag per day, or
 * `byMonth` one per month touched (a superset; doc id bounds make it exact).
 */
export function windowTags(fromDay: number, toDay: number, byMonth: boolean): string[] {
  if (!byMonth) return Array.from({ length: toDay - fromDay + 1 }, (_, i) => tag('day', String(fromDay + i)));
  const tags: string[] = [];
  for (let month = monthOfDay(fromDay); month <= monthOfDay(toDay); month++) tags.push(tag('month', String(month)));
  return tags;
}
