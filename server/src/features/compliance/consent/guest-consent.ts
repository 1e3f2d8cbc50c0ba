/**
 * External participants and the archive notice: they are shown it when they join a group that
 * is archived and agree or decline, and may change their answer later from their chat page.
 * Status: agreed, declined, or not asked (never answered). Each change is recorded; a decline
 * after an agreement is a withdrawal.
 */
import type { Kysely } from 'kysely';
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import type { Database } from '../../../platform/db/schema.js';
import { conflict, forbidden, notFound } from '../../../platform/errors.js';
import { type AuditWho, recordAudit } from '../../audit/record.js';
import { requireMembership } from '../../messaging/index.js';
import {
  type ArchiveSettings,
  conversationCovered,
  memberCovered,
  readArchiveSettings,
} from '../archive/archive-settings.js';
import { announceConsentChange } from './consent-events.js';
import { type CurrentConsent, currentConsentOf } from './consent-status.js';
import { type ArchiveNotice, currentNotice } from './notice.js';
import { type PresentedNotice, presentNotice } from './notice-state.js';
import { type ConsentAction, type ConsentVia, recordConsent } from './record-consent.js';

export type GuestChoice = 'agreed' | 'declined';
export type GuestStatus = GuestChoice | 'not_asked';

export type GuestConsentState = {
  /** The group is archived, so the notice applies. */
  covered: boolean;
  notice: PresentedNotice;
  status: GuestStatus;
  /** The version answered, and when; null while not asked. */
  noticeVersion: number | null;
  at: string | null;
  declinePolicy: ArchiveSettings['declinePolicy'];
};

/** The notice a visitor joining this group is asked about; null when the group is not archived. */
export async function guestNoticeFor(
  db: Kysely<Database>,
  orgId: string,
  conversationId: string,
): Promise<ArchiveNotice | null> {
  const settings = await readArchiveSettings(db, orgId);
  if (!(await conversationCovered(db, orgId, conversationId, settings))) return null;
  return currentNotice(db, orgId);
}

/** The notice a visitor starting a 1:1 chat with this colleague is asked about; null when it would not be archived. */
export async function memberChatNoticeFor(
  db: Kysely<Database>,
  orgId: string,
  memberId: string,
): Promise<ArchiveNotice | null> {
  const settings = await readArchiveSettings(db, orgId);
  if (!(await memberCovered(db, orgId, memberId, settings))) return null;
  return currentNotice(db, orgId);
}

/** 409 when the page answered an older text than the one in force. */
export function assertNoticeVersion(notice: ArchiveNotice, version: number | undefined): void {
  if (version !== undefined && version !== notice.version) {
    throw conflict('The archive notice has changed; read the current text and answer again', {
      field: 'noticeVersion',
      currentVersion: notice.version,
    });
  }
}

const statusOf = (consent: CurrentConsent | null): GuestStatus =>
  consent?.status === 'agreed' || consent?.status === 'declined' ? consent.status : 'not_asked';

export type GuestAnswer = {
  orgId: string;
  guest: { id: string; name: string };
  conversationId: string;
  choice: GuestChoice;
  notice: ArchiveNotice;
  via: ConsentVia;
  who: AuditWho;
};

/**
 * Records the answer in the caller's transaction unless it repeats the current one; true when it
 * changed something (announce it with `announceConsentChange` once the transaction commits).
 */
export async function recordGuestAnswer(
  ctx: Pick<Ctx, 'dialect' | 'clock' | 'ids' | 'config'>,
  tx: Kysely<Database>,
  answer: GuestAnswer,
): Promise<boolean> {
  const before = await currentConsentOf(tx, answer.orgId, answer.guest.id);
  const was = statusOf(before);
  if (was === answer.choice && before?.noticeVersion === answer.notice.version) return false;
  const action: ConsentAction = answer.choice === 'agreed' ? 'agreed' : was === 'agreed' ? 'withdrawn' : 'declined';
  const consent = await recordConsent(ctx, tx, {
    orgId: answer.orgId,
    subject: { id: answer.guest.id, name: answer.guest.name, kind: 'guest' },
    conversationId: answer.conversationId,
    action,
    notice: answer.notice,
    actorId: answer.guest.id,
    via: answer.via,
  });
  await recordAudit(ctx, tx, {
    orgId: answer.orgId,
    who: answer.who,
    action: 'archive.consent_changed',
    target: { type: 'member', id: answer.guest.id, label: answer.guest.name },
    before: { status: was, noticeVersion: before?.noticeVersion ?? null },
    after: { status: consent.status, action, noticeVersion: answer.notice.version, consentId: consent.id },
  });
  return true;
}

/** The signed-in external participant's group. */
async function guestGroup(db: Kysely<Database>, actor: Actor): Promise<string> {
  if (actor.kind !== 'guest') throw forbidden('Only external participants answer the notice here');
  const identity = await db
    .selectFrom('guest_identities')
    .select('conversation_id')
    .where('org_id', '=', actor.orgId)
    .where('member_id', '=', actor.memberId)
    .executeTakeFirst();
  if (!identity) throw notFound('conversation');
  await requireMembership(db, actor, identity.conversation_id);
  return identity.conversation_id;
}

export async function readGuestConsent(db: Kysely<Database>, actor: Actor): Promise<GuestConsentState> {
  const conversationId = await guestGroup(db, actor);
  const settings = await readArchiveSettings(db, actor.orgId);
  const consent = await currentConsentOf(db, actor.orgId, actor.memberId);
  const status = statusOf(consent);
  return {
    covered: await conversationCovered(db, actor.orgId, conversationId, settings),
    notice: presentNotice(await currentNotice(db, actor.orgId)),
    status,
    noticeVersion: status === 'not_asked' ? null : (consent?.noticeVersion ?? null),
    at: status === 'not_asked' ? null : (consent?.at ?? null),
    declinePolicy: settings.declinePolicy,
  };
}

/** From the chat page: agree, or decline (withdraw an agreement). */
export async function changeGuestConsent(
  ctx: Ctx,
  actor: Actor,
  input: { consent: GuestChoice; noticeVersion?: number | undefined },
): Promise<GuestConsentState> {
  const conversationId = await guestGroup(ctx.db, actor);
  const changed = await ctx.db.transaction().execute(async (tx) => {
    const notice = await currentNotice(tx, actor.orgId);
    assertNoticeVersion(notice, input.noticeVersion);
    return recordGuestAnswer(ctx, tx, {
      orgId: actor.orgId,
      guest: { id: actor.memberId, name: actor.name },
      conversationId,
      choice: input.consent,
      notice,
      via: 'guest_chat',
      who: actor,
    });
  });
  if (changed) announceConsentChange(ctx, { orgId: actor.orgId, conversationId, subjectId: actor.memberId });
  return readGuestConsent(ctx.db, actor);
}
