/**
 * Pure decisions of the member's consent UI: which failed sends wait on the archive notice (and
 * are resent once it is accepted), when the notice dialog opens, what the conversation's banner
 * says, and the names an `archive_consent_declined` refusal carries.
 */
import { ApiError } from '../../lib/api/api-error';
import type { OutboxItem } from '../messages/outbox';
import type { ConversationConsent } from './consent-api';

export const NOTICE_REQUIRED = 'archive_notice_required';
export const CONSENT_DECLINED = 'archive_consent_declined';

export const isNoticeRequired = (error: unknown): boolean =>
  error instanceof ApiError && error.code === NOTICE_REQUIRED;

/** Sends refused for want of an accepted notice, in the order they were written. */
export function waitingOnNotice(items: readonly OutboxItem[]): OutboxItem[] {
  return items.filter((i) => i.status === 'failed' && i.error?.code === NOTICE_REQUIRED);
}

export type NoticeDismissal = { version: number | null; clientMsgIds: readonly string[] };

/**
 * Open when an edit asked for it, when a send was refused since the dialog was last put off, or,
 * on opening an archived conversation, while the notice in force is not accepted (until put off).
 */
export function noticeWanted(input: {
  consent: Pick<ConversationConsent, 'covered' | 'noticeAccepted' | 'noticeVersion'> | undefined;
  waiting: readonly OutboxItem[];
  dismissed: NoticeDismissal;
  editWaiting: boolean;
}): boolean {
  const { consent, waiting, dismissed } = input;
  if (input.editWaiting) return true;
  if (waiting.some((i) => !dismissed.clientMsgIds.includes(i.clientMsgId))) return true;
  return Boolean(consent?.covered && !consent.noticeAccepted && dismissed.version !== consent.noticeVersion);
}

export type ConsentBanner = { kind: 'notArchived' | 'blocked'; names: string };

/** What members are told about external participants who declined; null when nothing. */
export function consentBanner(consent: ConversationConsent | undefined, separator = '、'): ConsentBanner | null {
  if (!consent?.covered || consent.declinedGuests.length === 0) return null;
  const names = consent.declinedGuests.map((g) => g.name).join(separator);
  if (consent.messagingBlocked) return { kind: 'blocked', names };
  if (!consent.archived) return { kind: 'notArchived', names };
  return null;
}

/** The names an `archive_consent_declined` refusal gives, and whether it is about the caller. */
export function declinedNames(error: unknown, separator = '、'): { names: string; self: boolean } | null {
  if (!(error instanceof ApiError) || error.code !== CONSENT_DECLINED) return null;
  const details = (error.details ?? {}) as { guests?: { name?: unknown }[]; self?: unknown };
  const names = (details.guests ?? [])
    .map((g) => (typeof g.name === 'string' ? g.name : ''))
    .filter((n) => n !== '')
    .join(separator);
  return { names, self: details.self === true };
}
