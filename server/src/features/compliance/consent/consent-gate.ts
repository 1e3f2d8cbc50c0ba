/**
 * The consent gates on sending and editing, registered with messaging's outgoing checks. In an
 * archived conversation a member who has not accepted the notice in force is refused with 403
 * `archive_notice_required` (details carry the version to accept). Where the org's decline
 * policy is `no_messaging` and an external participant of the group declined, nobody sends there
 * (403 `archive_consent_declined`, naming them) until they agree.
 */
import type { Ctx } from '../../../app/context.js';
import { DomainError } from '../../../platform/errors.js';
import { type OutgoingCheck, registerOutgoingCheck } from '../../messaging/index.js';
import { conversationCovered, readArchiveSettings } from '../archive/archive-settings.js';
import { type DeclinedGuest, declinedGuests } from './consent-status.js';
import { currentNotice } from './notice.js';
import { acceptedCurrent } from './notice-state.js';

function declinedError(guests: readonly DeclinedGuest[], self: boolean): DomainError {
  const names = guests.map((g) => g.name).join(', ');
  const message = self
    ? 'You declined the archive notice; agree to it to send messages in this group'
    : `The external participant ${names} declined the archive notice; messages cannot be sent here until they agree`;
  return new DomainError('archive_consent_declined', message, {
    guests: guests.map((g) => ({ id: g.id, name: g.name, declinedAt: g.at })),
    self,
  });
}

export const consentGate: OutgoingCheck = async (ctx, message) => {
  const { actor, conversation } = message;
  const settings = await readArchiveSettings(ctx.db, actor.orgId);
  if (!settings.enabled) return null;
  if (!(await conversationCovered(ctx.db, actor.orgId, conversation.id, settings))) return null;
  if (actor.kind !== 'guest') {
    const notice = await currentNotice(ctx.db, actor.orgId);
    if (!(await acceptedCurrent(ctx.db, actor.orgId, actor.memberId, notice))) {
      throw new DomainError(
        'archive_notice_required',
        'This conversation is archived: read and accept the archive notice before sending',
        { version: notice.version },
      );
    }
  }
  if (settings.declinePolicy === 'no_messaging') {
    const declined = await declinedGuests(ctx.db, actor.orgId, conversation.id);
    if (declined.length > 0) {
      const self = declined.some((g) => g.id === actor.memberId);
      throw declinedError(self ? declined.filter((g) => g.id === actor.memberId) : declined, self);
    }
  }
  return null;
};

/** Start-up wiring: every outgoing message of this server passes the consent gates. */
export function registerConsentGate(ctx: Pick<Ctx, 'bus'>): void {
  registerOutgoingCheck(ctx, consentGate);
}
