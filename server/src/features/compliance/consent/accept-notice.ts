/**
 * A member accepts the archive notice they were shown. The version must be the one in force
 * (409 when the text changed meanwhile, so nobody accepts words they did not see); accepting it
 * again changes nothing. The acceptance is a consent row, an archive record and an audit entry,
 * written together.
 */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { conflict, forbidden } from '../../../platform/errors.js';
import { recordAudit } from '../../audit/record.js';
import { currentNotice } from './notice.js';
import { acceptedCurrent, type NoticeState, readNoticeState } from './notice-state.js';
import { recordConsent } from './record-consent.js';

export async function acceptNotice(ctx: Ctx, actor: Actor, version: number): Promise<NoticeState> {
  if (actor.kind === 'guest') throw forbidden('External participants answer the notice from their chat page');
  // Accepting is a person's act: an API token cannot do it on its creator's behalf.
  if (actor.kind !== 'member') throw forbidden('Sign in to accept the archive notice; an API token cannot accept it');
  await ctx.db.transaction().execute(async (tx) => {
    const notice = await currentNotice(tx, actor.orgId);
    if (version !== notice.version) {
      throw conflict('The archive notice has changed; read the current text and accept it', {
        field: 'version',
        currentVersion: notice.version,
      });
    }
    if (await acceptedCurrent(tx, actor.orgId, actor.memberId, notice)) return;
    const consent = await recordConsent(ctx, tx, {
      orgId: actor.orgId,
      subject: { id: actor.memberId, name: actor.name, kind: 'member' },
      conversationId: null,
      action: 'accepted',
      notice,
      actorId: actor.memberId,
      via: 'console',
    });
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: 'archive.notice_accepted',
      target: { type: 'member', id: actor.memberId, label: actor.name },
      after: { consentId: consent.id, noticeVersion: notice.version, noticeSha256: notice.sha256 },
    });
  });
  return readNoticeState(ctx.db, actor);
}
