/**
 * Reads of consent state: a person's current status, the external participants of a group who
 * declined (while still in it), and whether archiving reaches a member at all.
 */
import type { Kysely } from 'kysely';
import { descendantsOf, loadDepartmentTree } from '../../../authz/department-tree.js';
import type { Database } from '../../../platform/db/schema.js';
import type { ArchiveSettings } from '../archive/archive-settings.js';
import type { ConsentStatus } from './record-consent.js';

export type CurrentConsent = { status: ConsentStatus; noticeVersion: number; at: string };

export async function currentConsentOf(
  db: Kysely<Database>,
  orgId: string,
  subjectId: string,
): Promise<CurrentConsent | null> {
  const row = await db
    .selectFrom('archive_consent_status')
    .select(['status', 'notice_version', 'at'])
    .where('org_id', '=', orgId)
    .where('subject_id', '=', subjectId)
    .executeTakeFirst();
  return row ? { status: row.status as ConsentStatus, noticeVersion: Number(row.notice_version), at: row.at } : null;
}

export type DeclinedGuest = { id: string; name: string; at: string };

/** External participants still in the group whose current answer to the notice is a decline. */
export async function declinedGuests(
  db: Kysely<Database>,
  orgId: string,
  conversationId: string,
): Promise<DeclinedGuest[]> {
  const rows = await db
    .selectFrom('archive_consent_status as s')
    .innerJoin('members as m', 'm.id', 's.subject_id')
    .innerJoin('conversation_members as cm', (join) =>
      join.onRef('cm.member_id', '=', 's.subject_id').onRef('cm.conversation_id', '=', 's.conversation_id'),
    )
    .select(['s.subject_id', 'm.name', 's.at'])
    .where('s.org_id', '=', orgId)
    .where('s.conversation_id', '=', conversationId)
    .where('s.subject_kind', '=', 'guest')
    .where('s.status', '=', 'declined')
    .orderBy('s.at')
    .orderBy('s.subject_id')
    .execute();
  return rows.map((r) => ({ id: r.subject_id, name: r.name, at: r.at }));
}

/** Whether the archive settings reach this member's own conversations (all, or their departments). */
export async function archivingCoversMember(
  db: Kysely<Database>,
  orgId: string,
  departmentIds: readonly string[],
  settings: ArchiveSettings,
): Promise<boolean> {
  if (!settings.enabled) return false;
  if (settings.scope === 'all') return true;
  const tree = await loadDepartmentTree(db, orgId);
  const covered = descendantsOf(tree, settings.departmentIds);
  return departmentIds.some((id) => covered.has(id));
}
