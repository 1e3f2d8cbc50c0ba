/** Rules of a contact-me link's fields, shared by creating and editing. */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.js';
import { invalid, notFound } from '../../../platform/errors.js';
import { hasControlCharacters } from '../../directory/index.js';
import { visibleTagIds } from '../queries.js';

/** The link's secret: 24 random bytes, URL-safe, so links cannot be guessed. */
export const newContactCode = (): string => randomBytes(24).toString('base64url');

export function cleanLinkName(value: string): string {
  const name = value.trim().replace(/\s+/g, ' ');
  if (!name) throw invalid('Give the link a name', { field: 'name', reason: 'required' });
  return name;
}

/** Blank clears; line breaks are kept. */
export function cleanWelcome(value: string | null | undefined): string | null | undefined {
  if (value === undefined) return undefined;
  const text = value?.trim() ?? '';
  if (!text) return null;
  if (hasControlCharacters(text, true)) {
    throw invalid('The welcome message contains control characters', { field: 'welcomeMessage' });
  }
  return text;
}

/** Every tag must be one the link's owner may use (org-wide, or their own personal ones). */
export async function assertOwnerTags(db: Kysely<Database>, orgId: string, ownerId: string, tagIds: readonly string[]) {
  const known = await visibleTagIds(db, orgId, ownerId, tagIds);
  const unknown = tagIds.filter((id) => !known.has(id));
  if (unknown.length > 0)
    throw invalid('There is no such tag', { field: 'tagIds', reason: 'unknown_tag', tagIds: unknown });
}

export async function assertStage(db: Kysely<Database>, orgId: string, stageId: string | null | undefined) {
  if (!stageId) return;
  const found = await db
    .selectFrom('customer_stages')
    .select('id')
    .where('org_id', '=', orgId)
    .where('id', '=', stageId)
    .executeTakeFirst();
  if (!found) throw notFound('stage', { field: 'stageId' });
}
