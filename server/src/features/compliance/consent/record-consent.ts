/**
 * Writes one consent, inside the caller's transaction: the append-only `archive_consents` row,
 * the person's current status, and an archive record (`consent.accepted`, `consent.agreed`,
 * `consent.declined`, `consent.withdrawn`) on the org's chain, so a consent change is as
 * provable as a message.
 */
import type { Kysely } from 'kysely';
import type { Ctx } from '../../../app/context.js';
import type { Database } from '../../../platform/db/schema.js';
import { appendArchiveRecords } from '../archive/append-records.js';
import type { ArchiveNotice } from './notice.js';

export type ConsentAction = 'accepted' | 'agreed' | 'declined' | 'withdrawn';
export type ConsentStatus = 'accepted' | 'agreed' | 'declined';
export type ConsentVia = 'console' | 'join' | 'guest_chat';

export type ConsentInput = {
  orgId: string;
  subject: { id: string; name: string; kind: 'member' | 'guest' };
  /** The external participant's group; null for members. */
  conversationId: string | null;
  action: ConsentAction;
  notice: ArchiveNotice;
  actorId: string | null;
  via: ConsentVia;
};

export type RecordedConsent = { id: string; status: ConsentStatus; at: string; noticeVersion: number };

export const statusOfAction = (action: ConsentAction): ConsentStatus => (action === 'withdrawn' ? 'declined' : action);

export async function recordConsent(
  ctx: Pick<Ctx, 'dialect' | 'clock' | 'ids' | 'config'>,
  tx: Kysely<Database>,
  input: ConsentInput,
): Promise<RecordedConsent> {
  const id = ctx.ids.next();
  const at = ctx.clock.now().toISOString();
  const status = statusOfAction(input.action);
  const { notice, subject } = input;
  await tx
    .insertInto('archive_consents')
    .values({
      id,
      org_id: input.orgId,
      subject_id: subject.id,
      subject_kind: subject.kind,
      conversation_id: input.conversationId,
      action: input.action,
      status,
      notice_version: notice.version,
      notice_sha256: notice.sha256,
      actor_id: input.actorId,
      via: input.via,
      at,
    })
    .execute();
  const current = {
    status,
    notice_version: notice.version,
    consent_id: id,
    at,
    conversation_id: input.conversationId,
  };
  await tx
    .insertInto('archive_consent_status')
    .values({ subject_id: subject.id, org_id: input.orgId, subject_kind: subject.kind, ...current })
    .onConflict((oc) => oc.column('subject_id').doUpdateSet(current))
    .execute();
  await appendArchiveRecords(ctx, tx, input.orgId, [
    {
      sourceKey: `consent:${id}`,
      type: `consent.${input.action}`,
      at,
      conversationId: input.conversationId,
      actorId: input.actorId,
      messageId: null,
      attrs: {
        consentId: id,
        subjectId: subject.id,
        subjectKind: subject.kind,
        status,
        noticeVersion: notice.version,
        noticeSha256: notice.sha256,
        via: input.via,
      },
      content: { subject: { id: subject.id, name: subject.name, kind: subject.kind } },
    },
  ]);
  return { id, status, at, noticeVersion: notice.version };
}
