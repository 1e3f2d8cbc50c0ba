/**
 * Imports org quick replies (quick_reply.manage) from CSV (UTF-8 or GBK) or XLSX: columns 分类,
 * 标题, 内容. Every row is checked first (lengths, control characters, the org's blocking
 * sensitive rules); any bad row and nothing is written. Categories not yet in the org are
 * created. One audit entry names the count.
 */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { assertMay } from '../../../authz/may.js';
import { invalid, limitExceeded } from '../../../platform/errors.js';
import { pinyinKeys } from '../../../platform/text/pinyin.js';
import { recordAudit } from '../../audit/record.js';
import { blockingRuleFor } from '../../compliance/sensitive/index.js';
import { hasControlCharacters, readTable } from '../../directory/index.js';
import { mapReplyColumns } from '../files/replies-file.js';
import { CATEGORY_NAME_MAX, TEXT_MAX, TITLE_MAX } from '../schemas.js';
import { replyContent } from './reply-content.js';

export const MAX_IMPORT_REPLIES = 2000;

type RowError = { line: number; field: string; reason: string; message: string };
type GoodRow = { category: string; title: string; text: string };

async function checkRow(ctx: Ctx, orgId: string, line: number, row: GoodRow): Promise<RowError | null> {
  const bad = (field: string, reason: string, message: string) => ({ line, field, reason, message });
  if (!row.title) return bad('title', 'required', 'The title is empty');
  if (row.title.length > TITLE_MAX || /[\r\n]/.test(row.title)) {
    return bad('title', 'too_long', `A title is one line of at most ${TITLE_MAX} characters`);
  }
  if (!row.text) return bad('text', 'required', 'The text is empty');
  if (row.text.length > TEXT_MAX) return bad('text', 'too_long', `The text has more than ${TEXT_MAX} characters`);
  if (row.category.length > CATEGORY_NAME_MAX || /[\r\n]/.test(row.category)) {
    return bad('category', 'too_long', `A category name is one line of at most ${CATEGORY_NAME_MAX} characters`);
  }
  if ([row.title, row.text, row.category].some((v) => hasControlCharacters(v, true))) {
    return bad('row', 'control_characters', 'The row holds control characters');
  }
  const rule = await blockingRuleFor(ctx, orgId, row.text);
  if (rule) return bad('text', 'content_blocked', `The rule "${rule.name}" blocks ${rule.found.join(', ')}`);
  return null;
}

export async function importQuickReplies(ctx: Ctx, actor: Actor, file: Uint8Array) {
  await assertMay(ctx, actor, 'quick_reply.manage');
  const table = await readTable(file);
  if (table.rows.length === 0) throw invalid('The file has a header but no rows', { field: 'file' });
  if (table.rows.length > MAX_IMPORT_REPLIES) {
    throw limitExceeded(`An import holds at most ${MAX_IMPORT_REPLIES} replies; this file has ${table.rows.length}`, {
      max: MAX_IMPORT_REPLIES,
      rows: table.rows.length,
    });
  }
  const columns = mapReplyColumns(table.header.cells);
  const cell = (cells: string[], at: number | undefined) => (at === undefined ? '' : (cells[at] ?? '').trim());
  const rows: GoodRow[] = [];
  const errors: RowError[] = [];
  for (const r of table.rows) {
    const row = {
      category: cell(r.cells, columns.category),
      title: cell(r.cells, columns.title),
      text: cell(r.cells, columns.text),
    };
    const error = await checkRow(ctx, actor.orgId, r.line, row);
    if (error) errors.push(error);
    else rows.push(row);
  }
  if (errors.length > 0) return { total: table.rows.length, created: 0, categoriesCreated: 0, errors };

  const now = ctx.clock.now().toISOString();
  const categoriesCreated = await ctx.db.transaction().execute(async (tx) => {
    const existing = await tx
      .selectFrom('quick_reply_categories')
      .select(['id', 'name'])
      .where('org_id', '=', actor.orgId)
      .where('owner_id', 'is', null)
      .execute();
    const byName = new Map(existing.map((c) => [c.name, c.id]));
    const added: string[] = [];
    for (const name of new Set(rows.map((r) => r.category).filter(Boolean))) {
      if (byName.has(name)) continue;
      const id = ctx.ids.next();
      byName.set(name, id);
      added.push(name);
      await tx
        .insertInto('quick_reply_categories')
        .values({
          id,
          org_id: actor.orgId,
          owner_id: null,
          name,
          name_pinyin: pinyinKeys(name).pinyin,
          sort_order: 0,
          created_by: actor.memberId,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    for (let i = 0; i < rows.length; i += 200) {
      await tx
        .insertInto('quick_replies')
        .values(
          rows.slice(i, i + 200).map((r) => ({
            id: ctx.ids.next(),
            org_id: actor.orgId,
            owner_id: null,
            category_id: r.category ? (byName.get(r.category) ?? null) : null,
            ...replyContent(r.title, r.text),
            use_count: 0,
            last_used_at: null,
            created_by: actor.memberId,
            updated_by: actor.memberId,
            created_at: now,
            updated_at: now,
          })),
        )
        .execute();
    }
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: 'quick_replies.imported',
      after: { count: rows.length, categoriesCreated: added },
    });
    return added.length;
  });
  return { total: table.rows.length, created: rows.length, categoriesCreated, errors: [] as RowError[] };
}
