/**
 * The customer groups a transferred customer goes with: flagged groups, still active, owned by
 * the member the customer leaves, where the customer takes part — as the guest of their own
 * chat, or as a guest who joined the group with the customer's email address.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../../platform/db/schema.js';

export async function customerGroupsOwnedBy(
  db: Kysely<Database>,
  orgId: string,
  customerId: string,
  ownerId: string,
): Promise<{ id: string; name: string | null }[]> {
  const customer = await db
    .selectFrom('customers')
    .select('email')
    .where('org_id', '=', orgId)
    .where('id', '=', customerId)
    .executeTakeFirst();
  if (!customer) return [];
  const chatGuests = db
    .selectFrom('customer_conversations')
    .select('guest_id as member_id')
    .where('org_id', '=', orgId)
    .where('customer_id', '=', customerId);
  const guests = customer.email
    ? chatGuests.union(
        db
          .selectFrom('guest_identities')
          .select('member_id')
          .where('org_id', '=', orgId)
          .where(sql<string>`lower(email)`, '=', customer.email.toLowerCase()),
      )
    : chatGuests;
  return db
    .selectFrom('customer_groups as g')
    .innerJoin('conversations as c', 'c.id', 'g.conversation_id')
    .select(['c.id', 'c.name'])
    .distinct()
    .where('g.org_id', '=', orgId)
    .where('c.owner_id', '=', ownerId)
    .where('c.status', '=', 'active')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('conversation_members as cm')
          .select('cm.member_id')
          .whereRef('cm.conversation_id', '=', 'c.id')
          .where('cm.member_id', 'in', guests),
      ),
    )
    .orderBy('c.id')
    .execute();
}
