/**
 * A contact-me link found by its code alone (a visitor has no org yet), with its member and
 * org, and the visitor's earlier chat with that member. The code is the secret: unknown codes,
 * deleted links and links of members no longer active all answer 404.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.js';
import { notFound } from '../../../platform/errors.js';
import type { CodeSubject } from '../../guests/email-codes.js';
import type { LinkRow } from './link-reads.js';

export type FoundLink = { link: LinkRow; owner: { id: string; name: string }; orgName: string };

export async function findLinkByCode(db: Kysely<Database>, code: string): Promise<FoundLink> {
  const link = await db
    .selectFrom('contact_links')
    .selectAll()
    .where('code', '=', code)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!link) throw notFound('contact link');
  const row = await db
    .selectFrom('members')
    .innerJoin('orgs', 'orgs.id', 'members.org_id')
    .select(['members.id', 'members.name', 'orgs.name as org_name'])
    .where('members.org_id', '=', link.org_id)
    .where('members.id', '=', link.owner_id)
    .where('members.status', '=', 'active')
    .where('members.kind', '=', 'staff')
    .executeTakeFirst();
  if (!row) throw notFound('contact link');
  return { link, owner: { id: row.id, name: row.name }, orgName: row.org_name };
}

/** The visitor's chat with this member (through any of their links), if they joined before. */
export async function findVisitorChat(db: Kysely<Database>, orgId: string, memberId: string, email: string) {
  const row = await db
    .selectFrom('customer_conversations as cc')
    .innerJoin('guest_identities as gi', 'gi.member_id', 'cc.guest_id')
    .innerJoin('members as m', 'm.id', 'cc.guest_id')
    .innerJoin('conversations as c', 'c.id', 'cc.conversation_id')
    .select(['cc.conversation_id', 'cc.guest_id', 'cc.customer_id', 'm.name', 'm.status'])
    .where('cc.org_id', '=', orgId)
    .where('cc.member_id', '=', memberId)
    .where('gi.email', '=', email)
    .where('c.status', '=', 'active')
    .orderBy('cc.created_at', 'desc')
    .executeTakeFirst();
  return row
    ? { conversationId: row.conversation_id, guestId: row.guest_id, customerId: row.customer_id, name: row.name }
    : undefined;
}

export const contactCodeSubject = (found: FoundLink, email: string): CodeSubject => ({
  orgId: found.link.org_id,
  purpose: 'contact_join',
  subjectId: found.link.id,
  email,
});
