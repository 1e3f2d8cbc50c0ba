/** What a member is told about the archive notice: whether archiving reaches them, the text, and their acceptance. */
import type { Kysely } from 'kysely';
import type { Actor } from '../../../authz/actor.js';
import type { Database } from '../../../platform/db/schema.js';
import { readArchiveSettings } from '../archive/archive-settings.js';
import { archivingCoversMember, currentConsentOf } from './consent-status.js';
import { type ArchiveNotice, currentNotice } from './notice.js';

export type PresentedNotice = { version: number; text: string; publishedAt: string | null };

export type NoticeState = {
  /** Archiving is on and reaches the member's own conversations. */
  archiving: boolean;
  notice: PresentedNotice;
  /** The member accepted the version in force. */
  accepted: boolean;
  /** The last version they accepted (possibly an older one), and when. */
  acceptedVersion: number | null;
  acceptedAt: string | null;
};

export const presentNotice = (notice: ArchiveNotice): PresentedNotice => ({
  version: notice.version,
  text: notice.text,
  publishedAt: notice.publishedAt,
});

export async function readNoticeState(db: Kysely<Database>, actor: Actor): Promise<NoticeState> {
  const settings = await readArchiveSettings(db, actor.orgId);
  const notice = await currentNotice(db, actor.orgId);
  const consent = await currentConsentOf(db, actor.orgId, actor.memberId);
  const acceptance = consent?.status === 'accepted' ? consent : null;
  return {
    archiving: await archivingCoversMember(db, actor.orgId, actor.departmentIds, settings),
    notice: presentNotice(notice),
    accepted: acceptance?.noticeVersion === notice.version,
    acceptedVersion: acceptance?.noticeVersion ?? null,
    acceptedAt: acceptance?.at ?? null,
  };
}

/** Whether the member accepted the notice version in force. */
export async function acceptedCurrent(
  db: Kysely<Database>,
  orgId: string,
  memberId: string,
  notice: ArchiveNotice,
): Promise<boolean> {
  const consent = await currentConsentOf(db, orgId, memberId);
  return consent?.status === 'accepted' && consent.noticeVersion === notice.version;
}
