/** The archive settings as the console sees them: whom archiving covers, the decline policy and the notice in force. */
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.js';
import { currentNotice } from '../consent/notice.js';
import { type PresentedNotice, presentNotice } from '../consent/notice-state.js';
import { type ArchiveSettings, readArchiveSettings } from './archive-settings.js';

export type ArchiveSettingsView = ArchiveSettings & { notice: PresentedNotice };

export async function readSettingsView(db: Kysely<Database>, orgId: string): Promise<ArchiveSettingsView> {
  const settings = await readArchiveSettings(db, orgId);
  return { ...settings, notice: presentNotice(await currentNotice(db, orgId)) };
}
