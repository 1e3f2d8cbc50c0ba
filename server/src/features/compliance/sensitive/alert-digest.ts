/**
 * The daily alert digest: at 09:00 China time, every holder of `archive.view` with an email
 * address gets one mail counting the alerts of the last 24 hours they may see (per rule and per
 * member) and how many still wait for review. Nothing is sent without SMTP or without alerts.
 * The job runs at least once: a retry after a crash mid-way may send a digest twice.
 */
import type { Ctx } from '../../../app/context.js';
import { loadActor } from '../../../authz/actor.js';
import { reachOf } from '../../../authz/may.js';
import { ensureJobQueued } from '../../../platform/jobs/queue.js';
import { countAlerts, visibilityOf } from './alert-queries.js';

export const ALERT_DIGEST_JOB = 'compliance.alert_digest';

const DAY_MS = 24 * 60 * 60 * 1000;
/** 01:00 UTC is 09:00 in China. */
const SEND_HOUR_UTC = 1;
const TOP = 5;

/** The next send time strictly after `now`. */
export function nextDigestAt(now: Date): Date {
  const at = new Date(now);
  at.setUTCHours(SEND_HOUR_UTC, 0, 0, 0);
  if (at.getTime() <= now.getTime()) at.setUTCDate(at.getUTCDate() + 1);
  return at;
}

type Counts = Awaited<ReturnType<typeof countAlerts>>;

function digestText(orgName: string, counts: Counts, waiting: number): string {
  const lines = (items: Counts['byRule']) => items.slice(0, TOP).map((i) => `  · ${i.name}: ${i.count}`);
  return [
    `${orgName} 过去 24 小时的敏感内容告警：共 ${counts.total} 条，其中 ${waiting} 条待处理。`,
    '命中最多的规则：',
    ...lines(counts.byRule),
    '告警最多的成员：',
    ...lines(counts.byMember),
    '请在管理后台 → 敏感内容告警 中处理。',
    '',
    `Sensitive-content alerts of ${orgName} in the last 24 hours: ${counts.total}, ${waiting} waiting for review.`,
    'Open Admin → Sensitive-content alerts in the console to review them.',
  ].join('\n');
}

/** Sends the digests due now; returns how many mails went out. */
export async function sendAlertDigests(ctx: Ctx): Promise<number> {
  if (!ctx.mail.configured) return 0;
  const now = ctx.clock.now();
  const range = { from: new Date(now.getTime() - DAY_MS).toISOString(), to: now.toISOString() };
  const orgs = await ctx.db
    .selectFrom('sensitive_alerts as a')
    .innerJoin('orgs as o', 'o.id', 'a.org_id')
    .select(['a.org_id', 'o.name'])
    .where('a.created_at', '>=', range.from)
    .where('a.created_at', '<', range.to)
    .distinct()
    .execute();
  let sent = 0;
  for (const org of orgs) {
    const auditors = await ctx.db
      .selectFrom('member_roles as mr')
      .innerJoin('role_permissions as rp', 'rp.role_id', 'mr.role_id')
      .innerJoin('members as m', 'm.id', 'mr.member_id')
      .select(['m.id', 'm.email'])
      .where('mr.org_id', '=', org.org_id)
      .where('rp.permission', '=', 'archive.view')
      .where('m.status', '=', 'active')
      .where('m.kind', '=', 'staff')
      .where('m.email', 'is not', null)
      .distinct()
      .execute();
    for (const auditor of auditors) {
      const actor = await loadActor(
        ctx.db,
        org.org_id,
        auditor.id,
        { kind: 'member' },
        {
          ip: null,
          userAgent: null,
          requestId: null,
        },
      );
      const reach = actor && (await reachOf(ctx, actor, 'archive.view'));
      if (!reach || !auditor.email) continue;
      const visibility = visibilityOf(reach);
      const counts = await countAlerts(ctx, org.org_id, range, visibility);
      if (counts.total === 0) continue;
      const waiting = (await countAlerts(ctx, org.org_id, { ...range, status: 'new' }, visibility)).total;
      try {
        await ctx.mail.send({
          to: auditor.email,
          subject: `敏感内容告警日报：${counts.total} 条 / Sensitive-content alerts: ${counts.total}`,
          text: digestText(org.name, counts, waiting),
        });
        sent += 1;
      } catch (err) {
        // One refused address must not keep the others from their digest.
        ctx.log.warn(
          { reason: err instanceof Error ? err.message : String(err) },
          'mail: an alert digest was not sent',
        );
      }
    }
  }
  return sent;
}

export function scheduleAlertDigest(ctx: Ctx, after?: { jobId: string }): Promise<string> {
  return ensureJobQueued(ctx.db, ctx.dialect, ctx, {
    type: ALERT_DIGEST_JOB,
    runAt: nextDigestAt(ctx.clock.now()),
    ...(after ? { exceptId: after.jobId } : {}),
  });
}

export async function runAlertDigest(ctx: Ctx, jobId: string): Promise<void> {
  const sent = await sendAlertDigests(ctx);
  if (sent > 0) ctx.log.info({ job: ALERT_DIGEST_JOB, sent }, 'alert digests sent');
  await scheduleAlertDigest(ctx, { jobId });
}
