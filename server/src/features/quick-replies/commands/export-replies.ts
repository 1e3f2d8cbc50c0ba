/** Exports the org's quick replies (quick_reply.manage) as CSV or XLSX, in list order; audited. */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { assertMay } from '../../../authz/may.js';
import { recordAudit } from '../../audit/record.js';
import { type FileReply, renderRepliesCsv, renderRepliesXlsx } from '../files/replies-file.js';
import { listQuickReplies } from '../queries.js';

const PAGE = 200;
const MAX = 20_000;

export async function exportQuickReplies(ctx: Ctx, actor: Actor, format: 'csv' | 'xlsx') {
  await assertMay(ctx, actor, 'quick_reply.manage');
  const replies: FileReply[] = [];
  let cursor: string | undefined;
  do {
    const page = await listQuickReplies(ctx, actor, { scope: 'org', limit: PAGE, ...(cursor ? { cursor } : {}) });
    for (const r of page.items) {
      replies.push({ category: r.category?.name ?? '', title: r.title, text: r.text, useCount: r.useCount });
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor && replies.length < MAX);
  const body = format === 'xlsx' ? await renderRepliesXlsx(replies, actor.name) : renderRepliesCsv(replies);
  await recordAudit(ctx, ctx.db, {
    orgId: actor.orgId,
    who: actor,
    action: 'quick_replies.exported',
    after: { format, count: replies.length },
  });
  const stamp = ctx.clock.now().toISOString().slice(0, 10);
  return {
    body,
    count: replies.length,
    filename: `quick-replies-${stamp}.${format}`,
    contentType:
      format === 'xlsx'
        ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
        : 'text/csv; charset=utf-8',
  };
}
