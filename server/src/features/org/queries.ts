/** Reads of the org row and its settings. */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

/** Settings kept as JSON in orgs.settings; unknown keys are preserved on update. */
export type OrgSettings = { requireTotp?: boolean; [key: string]: unknown };

export type OrgView = { id: string; name: string; settings: OrgSettings };

export function parseSettings(text: string): OrgSettings {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as OrgSettings) : {};
  } catch {
    return {};
  }
}

export async function findOrg(db: Kysely<Database>, orgId: string): Promise<OrgView | null> {
  const row = await db.selectFrom('orgs').select(['id', 'name', 'settings']).where('id', '=', orgId).executeTakeFirst();
  return row ? { id: row.id, name: row.name, settings: parseSettings(row.settings) } : null;
}
