/**
 * Whether an org archives, and whom: everyone, or the members of chosen departments (with
 * their sub-departments). A conversation is covered when at least one of its colleagues is;
 * only events from the moment archiving was turned on are recorded. `declinePolicy` says what an
 * external participant declining the archive notice means for their conversation.
 */
import type { Kysely } from 'kysely';
import { descendantsOf, loadDepartmentTree } from '../../../authz/department-tree.js';
import type { ArchiveSettingsTable, Database } from '../../../platform/db/schema.js';

export type DeclinePolicy = 'not_archived' | 'no_messaging';

export type ArchiveSettings = {
  enabled: boolean;
  scope: 'all' | 'departments';
  departmentIds: string[];
  enabledAt: string | null;
  declinePolicy: DeclinePolicy;
};

export const ARCHIVE_OFF: ArchiveSettings = {
  enabled: false,
  scope: 'all',
  departmentIds: [],
  enabledAt: null,
  declinePolicy: 'not_archived',
};

export function presentSettings(row: ArchiveSettingsTable | undefined): ArchiveSettings {
  if (!row) return ARCHIVE_OFF;
  return {
    enabled: row.enabled === 1,
    scope: row.scope === 'departments' ? 'departments' : 'all',
    departmentIds: JSON.parse(row.department_ids) as string[],
    enabledAt: row.enabled_at,
    declinePolicy: row.decline_policy === 'no_messaging' ? 'no_messaging' : 'not_archived',
  };
}

export async function readArchiveSettings(db: Kysely<Database>, orgId: string): Promise<ArchiveSettings> {
  const row = await db.selectFrom('archive_settings').selectAll().where('org_id', '=', orgId).executeTakeFirst();
  return presentSettings(row);
}

/** The chosen departments and every department below them that still exist. */
async function coveredDepartments(db: Kysely<Database>, orgId: string, settings: ArchiveSettings): Promise<string[]> {
  if (settings.departmentIds.length === 0) return [];
  const tree = await loadDepartmentTree(db, orgId);
  return [
    ...descendantsOf(
      tree,
      settings.departmentIds.filter((id) => tree.parentOf.has(id)),
    ),
  ];
}

/** Whether the conversation's events are archived under these settings (read now). */
export async function conversationCovered(
  db: Kysely<Database>,
  orgId: string,
  conversationId: string,
  settings: ArchiveSettings,
): Promise<boolean> {
  if (!settings.enabled) return false;
  if (settings.scope === 'all') return true;
  const covered = await coveredDepartments(db, orgId, settings);
  if (covered.length === 0) return false;
  const hit = await db
    .selectFrom('conversation_members as cm')
    .innerJoin('member_departments as md', 'md.member_id', 'cm.member_id')
    .select('cm.member_id')
    .where('cm.org_id', '=', orgId)
    .where('cm.conversation_id', '=', conversationId)
    .where('md.department_id', 'in', covered)
    .limit(1)
    .executeTakeFirst();
  return hit !== undefined;
}

/** Whether a new chat with this colleague would be archived under these settings. */
export async function memberCovered(
  db: Kysely<Database>,
  orgId: string,
  memberId: string,
  settings: ArchiveSettings,
): Promise<boolean> {
  if (!settings.enabled) return false;
  if (settings.scope === 'all') return true;
  const covered = await coveredDepartments(db, orgId, settings);
  if (covered.length === 0) return false;
  const hit = await db
    .selectFrom('member_departments')
    .select('member_id')
    .where('org_id', '=', orgId)
    .where('member_id', '=', memberId)
    .where('department_id', 'in', covered)
    .limit(1)
    .executeTakeFirst();
  return hit !== undefined;
}
