/**
 * A conversation's archive state as one of its members sees it: archived or not, the notice
 * version they must have accepted, and the external participants who declined with what that
 * means under the org's policy (not archived, or no messages until they agree).
 */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { forbidden } from '../../../platform/errors.js';
import { requireMembership } from '../../messaging/index.js';
import { type ArchiveSettings, conversationCovered, readArchiveSettings } from '../archive/archive-settings.js';
import { type DeclinedGuest, declinedGuests } from './consent-status.js';
import { currentNotice } from './notice.js';
import { acceptedCurrent } from './notice-state.js';

export type ConversationConsent = {
  conversationId: string;
  /** Archiving is on and reaches this conversation. */
  covered: boolean;
  /** New events are being archived (covered, and no decline pauses it). */
  archived: boolean;
  declinePolicy: ArchiveSettings['declinePolicy'];
  noticeVersion: number;
  /** The asking member accepted the version in force. */
  noticeAccepted: boolean;
  declinedGuests: { id: string; name: string; declinedAt: string }[];
  /** Nobody may send here until the participants who declined agree. */
  messagingBlocked: boolean;
};

export async function readConversationConsent(
  ctx: Pick<Ctx, 'db'>,
  actor: Actor,
  conversationId: string,
): Promise<ConversationConsent> {
  if (actor.kind === 'guest') throw forbidden();
  await requireMembership(ctx.db, actor, conversationId);
  const settings = await readArchiveSettings(ctx.db, actor.orgId);
  const covered = await conversationCovered(ctx.db, actor.orgId, conversationId, settings);
  const notice = await currentNotice(ctx.db, actor.orgId);
  const declined: DeclinedGuest[] = covered ? await declinedGuests(ctx.db, actor.orgId, conversationId) : [];
  const paused = declined.length > 0 && settings.declinePolicy === 'not_archived';
  return {
    conversationId,
    covered,
    archived: covered && !paused,
    declinePolicy: settings.declinePolicy,
    noticeVersion: notice.version,
    noticeAccepted: await acceptedCurrent(ctx.db, actor.orgId, actor.memberId, notice),
    declinedGuests: declined.map((g) => ({ id: g.id, name: g.name, declinedAt: g.at })),
    messagingBlocked: declined.length > 0 && settings.declinePolicy === 'no_messaging',
  };
}
