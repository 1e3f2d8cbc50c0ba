/**
 * Ends every live session of a member, so their next request fails. Called inside the
 * transaction that disables or offboards the member; returns how many sessions ended.
 */
import type { Kysely } from 'kysely';
import type { Ctx } from '../../../app/context.js';
import type { Database } from '../../../platform/db/schema.js';

export async function revokeMemberSessions(
  ctx: Pick<Ctx, 'clock'>,
  db: Kysely<Database>,
  orgId: string,
  memberId: string,
  reason: string,
): Promise<number> {
  const result = await db
    .updateTable('sessions')
    .set({ revoked_at: ctx.clock.now().toISOString(), revoked_reason: reason })
    .where('org_id', '=', orgId)
    .where('member_id', '=', memberId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
