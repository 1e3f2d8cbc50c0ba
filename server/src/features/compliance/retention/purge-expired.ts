/**
 * The retention purge: drops the content of archived records older than their keep period,
 * except where a legal hold covers the sender or the conversation; a hold on a customer covers
 * their chats with the company and what their guest identity wrote anywhere (customer groups). Leaves stay in the Merkle
 * tree; for each contiguous span of purged records a purge record is appended stating the span
 * and the root of its leaves, so the log still verifies and says what was removed. One
 * transaction per run (the purged records also leave the search index), one audit entry with
 * the counts and ranges.
 */
import type { Ctx } from '../../../app/context.js';
import { descendantsOf, loadDepartmentTree } from '../../../authz/department-tree.js';
import type { AuditWho } from '../../audit/record.js';
import { recordAudit } from '../../audit/record.js';
import { appendArchiveRecords, type NewArchiveRecord, PURGE_RECORD_TYPE } from '../archive/append-records.js';
import { fromHex, toHex } from '../archive-core/encoding.js';
import { treeRoot } from '../archive-core/merkle.js';
import { unindexArchiveRecords } from '../search/index.js';
import { type RetentionPolicy, readRetention } from './retention-policy.js';

const DAY_MS = 86_400_000;
const BATCH = 5000;

export type PurgeResult = { purged: number; spans: { firstSeq: number; lastSeq: number }[] };

/** Keep period (days, null = for ever) of each sender, from their departments. */
async function keepResolver(ctx: Ctx, orgId: string, policy: RetentionPolicy) {
  const tree = await loadDepartmentTree(ctx.db, orgId);
  const overrides = policy.departments.map((d) => ({
    keepDays: d.keepDays,
    covers: descendantsOf(tree, [d.departmentId]),
  }));
  const cache = new Map<string, number | null>();
  return async (memberId: string | null): Promise<number | null> => {
    if (!memberId || overrides.length === 0) return policy.keepDays;
    const known = cache.get(memberId);
    if (known !== undefined) return known;
    const departments = await ctx.db
      .selectFrom('member_departments')
      .select('department_id')
      .where('org_id', '=', orgId)
      .where('member_id', '=', memberId)
      .execute();
    const matches = overrides.filter((o) => departments.some((d) => o.covers.has(d.department_id)));
    // The longest period wins; "for ever" is the longest of all.
    const keep =
      matches.length === 0
        ? policy.keepDays
        : matches.some((m) => m.keepDays === null)
          ? null
          : Math.max(...matches.map((m) => m.keepDays as number));
    cache.set(memberId, keep);
    return keep;
  };
}

/**
 * What the active holds protect, as senders and conversations. A customer hold is expanded at
 * purge time, so a chat the customer starts after the hold was placed is covered too.
 */
async function activeHolds(ctx: Ctx, orgId: string) {
  const holds = await ctx.db
    .selectFrom('archive_holds')
    .select(['kind', 'target_id'])
    .where('org_id', '=', orgId)
    .where('released_at', 'is', null)
    .execute();
  const heldOf = (kind: string) => holds.filter((h) => h.kind === kind).map((h) => h.target_id);
  const heldMembers = new Set(heldOf('member'));
  const heldConversations = new Set(heldOf('conversation'));
  const heldCustomers = heldOf('customer');
  if (heldCustomers.length > 0) {
    const chats = await ctx.db
      .selectFrom('customer_conversations')
      .select(['conversation_id', 'guest_id'])
      .where('org_id', '=', orgId)
      .where('customer_id', 'in', heldCustomers)
      .execute();
    for (const chat of chats) {
      heldConversations.add(chat.conversation_id);
      heldMembers.add(chat.guest_id);
    }
  }
  return { heldMembers, heldConversations };
}

function contiguousRuns(seqs: readonly number[]): { firstSeq: number; lastSeq: number }[] {
  const runs: { firstSeq: number; lastSeq: number }[] = [];
  for (const seq of seqs) {
    const last = runs.at(-1);
    if (last && seq === last.lastSeq + 1) last.lastSeq = seq;
    else runs.push({ firstSeq: seq, lastSeq: seq });
  }
  return runs;
}

export async function purgeExpired(ctx: Ctx, orgId: string, who: AuditWho): Promise<PurgeResult> {
  const policy = await readRetention(ctx.db, orgId);
  const periods = [policy.keepDays, ...policy.departments.map((d) => d.keepDays)].filter(
    (d): d is number => d !== null,
  );
  if (periods.length === 0) return { purged: 0, spans: [] };
  const now = ctx.clock.now();
  const earliestCutoff = new Date(now.getTime() - Math.min(...periods) * DAY_MS).toISOString();
  const keepOf = await keepResolver(ctx, orgId, policy);
  const { heldMembers, heldConversations } = await activeHolds(ctx, orgId);

  const candidates = await ctx.db
    .selectFrom('archive_records')
    .select(['id', 'seq', 'at', 'actor_id', 'conversation_id'])
    .where('org_id', '=', orgId)
    .where('content', 'is not', null)
    .where('type', '!=', PURGE_RECORD_TYPE)
    .where('at', '<', earliestCutoff)
    .orderBy('seq')
    .limit(BATCH)
    .execute();
  const expired: { id: string; seq: number }[] = [];
  for (const row of candidates) {
    if (row.actor_id && heldMembers.has(row.actor_id)) continue;
    if (row.conversation_id && heldConversations.has(row.conversation_id)) continue;
    const keep = await keepOf(row.actor_id);
    if (keep === null) continue;
    if (row.at < new Date(now.getTime() - keep * DAY_MS).toISOString())
      expired.push({ id: row.id, seq: Number(row.seq) });
  }
  if (expired.length === 0) return { purged: 0, spans: [] };

  const at = now.toISOString();
  const reason = `retention:${policy.keepDays === null ? 'departments' : `${policy.keepDays}d`}`;
  const spans = contiguousRuns(expired.map((e) => e.seq));
  await ctx.db.transaction().execute(async (tx) => {
    for (let i = 0; i < expired.length; i += 500) {
      await tx
        .updateTable('archive_records')
        .set({ content: null, purged_at: at })
        .where('org_id', '=', orgId)
        .where(
          'id',
          'in',
          expired.slice(i, i + 500).map((e) => e.id),
        )
        .execute();
    }
    // Purged text must not stay findable through the search index.
    await unindexArchiveRecords(
      tx,
      orgId,
      expired.map((e) => e.id),
    );
    const statements: NewArchiveRecord[] = [];
    for (const span of spans) {
      const leaves = await tx
        .selectFrom('archive_records')
        .select('leaf_hash')
        .where('org_id', '=', orgId)
        .where('seq', '>=', span.firstSeq)
        .where('seq', '<=', span.lastSeq)
        .orderBy('seq')
        .execute();
      const removedRoot = treeRoot(leaves.map((l) => fromHex(l.leaf_hash, 'leaf hash')));
      statements.push({
        sourceKey: `purge:${span.firstSeq}-${span.lastSeq}`,
        type: PURGE_RECORD_TYPE,
        at,
        conversationId: null,
        actorId: who.memberId ?? null,
        messageId: null,
        attrs: {
          reason,
          scope: 'content',
          firstSeq: span.firstSeq,
          lastSeq: span.lastSeq,
          count: span.lastSeq - span.firstSeq + 1,
          removedRoot: toHex(removedRoot),
        },
        content: null,
        purge: { reason, firstSeq: span.firstSeq, lastSeq: span.lastSeq, removedRoot },
      });
    }
    await appendArchiveRecords(ctx, tx, orgId, statements);
    await recordAudit(ctx, tx, {
      orgId,
      who,
      action: 'archive.purged',
      target: { type: 'org', id: orgId },
      after: { count: expired.length, spans, reason },
    });
  });
  return { purged: expired.length, spans };
}
