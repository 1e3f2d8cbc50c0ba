/** Rules shared by the guest commands: only external groups admit visitors; addresses compare lower-case. */
import { MESSAGING_LIMITS } from '@concord/protocol';
import { DomainError, forbidden, invalid } from '../../platform/errors.js';
import type { CodeSubject } from './email-codes.js';
import type { InviteWithGroup } from './invite-lookup.js';

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/** A visitor's display name: trimmed, inner runs of spaces collapsed, 1–40 characters. */
export function cleanDisplayName(raw: string): string {
  const name = raw.trim().replace(/\s+/g, ' ');
  const length = [...name].length;
  if (length === 0 || length > MESSAGING_LIMITS.guestNameMax) {
    throw invalid(`Enter a name of 1 to ${MESSAGING_LIMITS.guestNameMax} characters`, { field: 'displayName' });
  }
  return name;
}

export function assertAdmitsGuests(found: InviteWithGroup): void {
  if (found.conversation.kind !== 'external') {
    throw forbidden('This link is for colleagues of the organisation; sign in to join', { reason: 'members_only' });
  }
}

export function assertMailConfigured(configured: boolean): void {
  if (!configured) {
    throw new DomainError(
      'mail_unavailable',
      'This server cannot send email yet; ask the group owner to contact the administrator',
    );
  }
}

export const joinCodeSubject = (found: InviteWithGroup, email: string): CodeSubject => ({
  orgId: found.invite.org_id,
  purpose: 'guest_join',
  subjectId: found.conversation.id,
  email,
});
