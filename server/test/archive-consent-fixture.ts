/**
 * Members who accepted the org's archive notice in force, written the way an acceptance leaves
 * them (consent row and status, without its archive record), so tests about other things can
 * send in archived conversations without shifting the archive's records.
 */
import type { Ctx } from '../src/app/context.js';
import { currentNotice } from '../src/features/compliance/consent/notice.js';

export async function acceptedArchiveNotice(ctx: Ctx, orgId: string, memberIds: readonly string[]): Promise<void> {
  const notice = await currentNotice(ctx.db, orgId);
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    for (const memberId of memberIds) {
      const id = ctx.ids.next();
      await tx
        .insertInto('archive_consents')
        .values({
          id,
          org_id: orgId,
          subject_id: memberId,
          subject_kind: 'member',
          conversation_id: null,
          action: 'accepted',
          status: 'accepted',
          notice_version: notice.version,
          notice_sha256: notice.sha256,
          actor_id: memberId,
          via: 'console',
          at,
        })
        .execute();
      const current = { status: 'accepted', notice_version: notice.version, consent_id: id, at };
      await tx
        .insertInto('archive_consent_status')
        .values({ subject_id: memberId, org_id: orgId, subject_kind: 'member', conversation_id: null, ...current })
        .onConflict((oc) => oc.column('subject_id').doUpdateSet(current))
        .execute();
    }
  });
}
