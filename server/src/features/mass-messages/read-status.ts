/**
 * Recipient totals and the `read` status: a sent copy is read once the customer's read cursor in
 * that chat has reached the message (the guest's `read_seq`), so it is worked out, never stored.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { TotalsOut } from './schemas.js';

type Db = Kysely<Database>;

/** 1 when the recipient row `r` was sent and the customer has read it, else 0. */
export const readFlag = sql<number>`case when r.status = 'sent' and exists (
  select 1 from customer_conversations cc
  inner join conversation_members cm on cm.conversation_id = cc.conversation_id and cm.member_id = cc.guest_id
  where cc.org_id = r.org_id and cc.conversation_id = r.conversation_id and cm.read_seq >= r.message_seq
) then 1 else 0 end`;

export const EMPTY_TOTALS: TotalsOut = { recipients: 0, pending: 0, awaitingConfirm: 0, sent: 0, read: 0, failed: 0 };

/** Totals per mass message; `sent` counts read copies too (read ⊆ sent). */
export async function totalsOf(db: Db, orgId: string, ids: readonly string[]): Promise<Map<string, TotalsOut>> {
  const out = new Map<string, TotalsOut>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('mass_message_recipients as r')
    .select([
      'r.mass_message_id',
      'r.status',
      (eb) => eb.fn.countAll<string | number>().as('n'),
      sql<string | number>`sum(${readFlag})`.as('read'),
    ])
    .where('r.org_id', '=', orgId)
    .where('r.mass_message_id', 'in', [...ids])
    .groupBy(['r.mass_message_id', 'r.status'])
    .execute();
  for (const row of rows) {
    const t = out.get(row.mass_message_id) ?? { ...EMPTY_TOTALS };
    const n = Number(row.n);
    t.recipients += n;
    if (row.status === 'pending') t.pending += n;
    if (row.status === 'awaiting_confirm') t.awaitingConfirm += n;
    if (row.status === 'sent') t.sent += n;
    if (row.status === 'failed') t.failed += n;
    t.read += Number(row.read ?? 0);
    out.set(row.mass_message_id, t);
  }
  return out;
}
