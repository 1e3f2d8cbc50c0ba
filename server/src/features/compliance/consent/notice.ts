/**
 * The org's archive notice: the text members accept and external participants agree to or
 * decline. Every change of text is a new version (number + time) and itself an archive record
 * carrying the text, so each consent's version can be matched to the words shown. An org that
 * never wrote one shows the default text as version 1.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import type { Database } from '../../../platform/db/schema.js';
import { invalid } from '../../../platform/errors.js';
import { appendArchiveRecords } from '../archive/append-records.js';

export const NOTICE_MAX_LENGTH = 5000;

export const DEFAULT_NOTICE_TEXT =
  '为满足合规与监管要求，本组织对工作会话进行存档：会话中发送、编辑、撤回的消息和文件，以及成员的加入与退出，' +
  '都会被完整保存且无法篡改。存档仅供经授权的审计人员依规查阅，并按本组织的保留期限保存，到期后删除。' +
  '点击“同意”即表示你已阅读并同意上述存档规则。';

export type ArchiveNotice = {
  version: number;
  text: string;
  sha256: string;
  /** When this version was set; null for the default text nobody set. */
  publishedAt: string | null;
};

export const noticeHash = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

const DEFAULT_NOTICE: ArchiveNotice = {
  version: 1,
  text: DEFAULT_NOTICE_TEXT,
  sha256: noticeHash(DEFAULT_NOTICE_TEXT),
  publishedAt: null,
};

/** The notice in force for the org: its newest version, or the default. */
export async function currentNotice(db: Kysely<Database>, orgId: string): Promise<ArchiveNotice> {
  const row = await db
    .selectFrom('archive_notices')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return DEFAULT_NOTICE;
  return { version: Number(row.version), text: row.text, sha256: row.sha256, publishedAt: row.created_at };
}

/** The text as stored: line ends unified, outer blank space trimmed, 1–5000 characters. */
export function cleanNoticeText(raw: string): string {
  const text = raw.replace(/\r\n?/g, '\n').trim();
  const length = [...text].length;
  if (length === 0 || length > NOTICE_MAX_LENGTH) {
    throw invalid(`The archive notice needs 1 to ${NOTICE_MAX_LENGTH} characters`, {
      field: 'notice',
      max: NOTICE_MAX_LENGTH,
    });
  }
  return text;
}

/**
 * Makes `text` the notice, inside the caller's transaction: a new version when it differs from
 * the one in force (appended to the archive as `notice.published`), nothing otherwise.
 */
export async function publishNotice(
  ctx: Pick<Ctx, 'dialect' | 'clock' | 'ids' | 'config'>,
  tx: Kysely<Database>,
  actor: Actor,
  text: string,
): Promise<ArchiveNotice> {
  const current = await currentNotice(tx, actor.orgId);
  if (current.text === text) return current;
  const at = ctx.clock.now().toISOString();
  const next: ArchiveNotice = { version: current.version + 1, text, sha256: noticeHash(text), publishedAt: at };
  await tx
    .insertInto('archive_notices')
    .values({
      org_id: actor.orgId,
      version: next.version,
      text,
      sha256: next.sha256,
      created_at: at,
      created_by: actor.memberId,
    })
    .execute();
  await appendArchiveRecords(ctx, tx, actor.orgId, [
    {
      sourceKey: `notice:${next.version}`,
      type: 'notice.published',
      at,
      conversationId: null,
      actorId: actor.memberId,
      messageId: null,
      attrs: { noticeVersion: next.version, noticeSha256: next.sha256 },
      content: { noticeVersion: next.version, text },
    },
  ]);
  return next;
}
