import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api/api-error';
import type { OutboxItem } from '../messages/outbox';
import type { ConversationConsent } from './consent-api';
import { consentBanner, declinedNames, type NoticeDismissal, noticeWanted, waitingOnNotice } from './consent-logic';

const item = (clientMsgId: string, status: OutboxItem['status'], code?: string): OutboxItem => ({
  conversationId: 'c1',
  clientMsgId,
  body: clientMsgId,
  status,
  createdAt: '2026-01-05T01:00:00.000Z',
  replyPreview: null,
  error: code ? new ApiError(code, code, 403, { version: 2 }) : null,
});

const consent = (over: Partial<ConversationConsent> = {}): ConversationConsent => ({
  conversationId: 'c1',
  covered: true,
  archived: true,
  declinePolicy: 'not_archived',
  noticeVersion: 2,
  noticeAccepted: true,
  declinedGuests: [],
  messagingBlocked: false,
  ...over,
});

const none: NoticeDismissal = { version: null, clientMsgIds: [] };

describe('the archive notice dialog', () => {
  it('retries only the sends refused for want of an accepted notice', () => {
    const items = [
      item('a', 'failed', 'archive_notice_required'),
      item('b', 'failed', 'content_blocked'),
      item('c', 'sending'),
      item('d', 'failed', 'archive_notice_required'),
    ];
    expect(waitingOnNotice(items).map((i) => i.clientMsgId)).toEqual(['a', 'd']);
  });

  it('opens on an archived conversation whose notice is not accepted, until put off for that version', () => {
    const open = (c: ConversationConsent, dismissed = none) =>
      noticeWanted({ consent: c, waiting: [], dismissed, editWaiting: false });
    expect(open(consent({ noticeAccepted: false }))).toBe(true);
    expect(open(consent({ noticeAccepted: true }))).toBe(false);
    expect(open(consent({ covered: false, noticeAccepted: false }))).toBe(false);
    expect(open(consent({ noticeAccepted: false }), { version: 2, clientMsgIds: [] })).toBe(false);
    // A new version asks again.
    expect(open(consent({ noticeAccepted: false, noticeVersion: 3 }), { version: 2, clientMsgIds: [] })).toBe(true);
  });

  it('opens again for a send refused after it was put off, and for an edit', () => {
    const refused = [item('a', 'failed', 'archive_notice_required')];
    const later = { version: 2, clientMsgIds: ['a'] };
    const c = consent({ noticeAccepted: false });
    expect(noticeWanted({ consent: c, waiting: refused, dismissed: later, editWaiting: false })).toBe(false);
    const more = [...refused, item('b', 'failed', 'archive_notice_required')];
    expect(noticeWanted({ consent: c, waiting: more, dismissed: later, editWaiting: false })).toBe(true);
    expect(noticeWanted({ consent: c, waiting: refused, dismissed: later, editWaiting: true })).toBe(true);
    expect(noticeWanted({ consent: undefined, waiting: [], dismissed: none, editWaiting: false })).toBe(false);
  });
});

describe('what members are told about external participants who declined', () => {
  const guests = [
    { id: 'g1', name: '陈先生', declinedAt: '2026-01-05T01:00:00.000Z' },
    { id: 'g2', name: '赵总', declinedAt: '2026-01-05T01:01:00.000Z' },
  ];

  it('says the conversation is not archived under not_archived, and blocked under no_messaging', () => {
    expect(consentBanner(consent({ archived: false, declinedGuests: guests }))).toEqual({
      kind: 'notArchived',
      names: '陈先生、赵总',
    });
    expect(consentBanner(consent({ messagingBlocked: true, declinedGuests: guests.slice(1) }), ', ')).toEqual({
      kind: 'blocked',
      names: '赵总',
    });
    expect(consentBanner(consent())).toBeNull();
    expect(consentBanner(consent({ covered: false, declinedGuests: guests }))).toBeNull();
    expect(consentBanner(undefined)).toBeNull();
  });

  it('reads the names and the self flag of a declined refusal', () => {
    const error = new ApiError('archive_consent_declined', 'declined', 403, {
      guests: [{ id: 'g2', name: '赵总' }, { id: 'g3' }],
      self: false,
    });
    expect(declinedNames(error)).toEqual({ names: '赵总', self: false });
    expect(declinedNames(new ApiError('archive_consent_declined', 'x', 403, { guests: [], self: true }))).toEqual({
      names: '',
      self: true,
    });
    expect(declinedNames(new ApiError('forbidden', 'x', 403))).toBeNull();
    expect(declinedNames(new Error('x'))).toBeNull();
  });
});
