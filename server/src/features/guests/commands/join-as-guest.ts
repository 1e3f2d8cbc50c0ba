/**
 * Step two: the visitor proves the address with the code and joins. The first time, a guest
 * (a `members` row of kind `guest`, bound to this one group) is created; later the same
 * address signs the same guest in again. Code use, guest, membership, session and audit
 * entry are one transaction: a refused join (group full, link used up) leaves no trace and the
 * code still works. In an archived group the visitor's answer to the archive notice (agreed or
 * declined) is required and recorded in the same transaction.
 */
import type { Kysely } from 'kysely';
import type { Ctx } from '../../../app/context.js';
import type { RequestMeta } from '../../../authz/actor.js';
import type { Database } from '../../../platform/db/schema.js';
import { invalid } from '../../../platform/errors.js';
import { pinyinKeys } from '../../../platform/text/pinyin.js';
import { recordAudit } from '../../audit/record.js';
import {
  announceConsentChange,
  assertNoticeVersion,
  guestNoticeFor,
  recordGuestAnswer,
} from '../../compliance/consent/index.js';
import { newMemberRow } from '../../directory/member-row.js';
import { openSession } from '../../identity/index.js';
import { admitWithInvite, publishEvents } from '../../messaging/index.js';
import { checkEmailCode, consumeEmailCode } from '../email-codes.js';
import { assertAdmitsGuests, cleanDisplayName, joinCodeSubject, normaliseEmail } from '../guest-rules.js';
import { findGuest, findInviteByCode, type InviteWithGroup } from '../invite-lookup.js';
import type { GuestJoinedOut, GuestJoinInput } from '../schemas.js';

async function rootDepartmentId(tx: Kysely<Database>, orgId: string): Promise<string> {
  const row = await tx
    .selectFrom('departments')
    .select('id')
    .where('org_id', '=', orgId)
    .where('parent_id', 'is', null)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The guest for this address in this group: found (name refreshed) or created. */
async function guestFor(
  ctx: Ctx,
  tx: Kysely<Database>,
  found: InviteWithGroup,
  email: string,
  name: string,
): Promise<{ id: string; created: boolean }> {
  const orgId = found.invite.org_id;
  const now = ctx.clock.now().toISOString();
  const existing = await findGuest(tx, found.conversation.id, email);
  if (existing) {
    if (existing.name !== name) {
      const keys = pinyinKeys(name);
      await tx
        .updateTable('members')
        .set({ name, name_pinyin: keys.pinyin, name_initials: keys.initials, updated_at: now })
        .where('id', '=', existing.id)
        .execute();
    }
    return { id: existing.id, created: false };
  }
  const id = ctx.ids.next();
  // Guests are outside the directory; the root department only satisfies the column.
  const row = newMemberRow({
    id,
    orgId,
    name,
    primaryDepartmentId: await rootDepartmentId(tx, orgId),
    now,
    kind: 'guest',
  });
  await tx.insertInto('members').values(row).execute();
  await tx
    .insertInto('guest_identities')
    .values({
      member_id: id,
      org_id: orgId,
      conversation_id: found.conversation.id,
      email,
      invite_id: found.invite.id,
      verified_at: now,
      created_at: now,
    })
    .execute();
  return { id, created: true };
}

export async function joinAsGuest(
  ctx: Ctx,
  inviteCode: string,
  input: GuestJoinInput,
  meta: RequestMeta,
): Promise<GuestJoinedOut> {
  const found = await findInviteByCode(ctx.db, inviteCode);
  assertAdmitsGuests(found);
  const email = normaliseEmail(input.email);
  const name = cleanDisplayName(input.displayName);
  const notice = await guestNoticeFor(ctx.db, found.invite.org_id, found.conversation.id);
  if (notice) {
    if (!input.consent) {
      throw invalid('This group is archived: agree to or decline the archive notice to join', {
        field: 'consent',
        noticeVersion: notice.version,
      });
    }
    assertNoticeVersion(notice, input.noticeVersion);
  }
  const codeId = await checkEmailCode(ctx, joinCodeSubject(found, email), input.code);

  const result = await ctx.db.transaction().execute(async (tx) => {
    if (!(await consumeEmailCode(ctx, tx, codeId))) {
      throw invalid('This code has just been used; ask for a new one', { field: 'code', reason: 'used' });
    }
    const guest = await guestFor(ctx, tx, found, email, name);
    const admission = await admitWithInvite(ctx, tx, found.invite, { id: guest.id, name }, 'guest_invite');
    const session = await openSession(ctx, tx, { orgId: found.invite.org_id, memberId: guest.id }, meta);
    const answered =
      notice !== null &&
      input.consent !== undefined &&
      (await recordGuestAnswer(ctx, tx, {
        orgId: found.invite.org_id,
        guest: { id: guest.id, name },
        conversationId: found.conversation.id,
        choice: input.consent,
        notice,
        via: 'join',
        who: { kind: 'anonymous', memberId: guest.id, name, meta },
      }));
    if (admission.events.length > 0) {
      await recordAudit(ctx, tx, {
        orgId: found.invite.org_id,
        who: { kind: 'anonymous', memberId: guest.id, name, meta },
        action: 'conversation.guest_joined',
        target: { type: 'conversation', id: found.conversation.id, label: found.conversation.name },
        after: { guestId: guest.id, name, email, inviteId: found.invite.id, firstTime: guest.created },
      });
    }
    return { guestId: guest.id, session, events: admission.events, answered };
  });
  publishEvents(ctx, result.events);
  if (result.answered) {
    const change = { orgId: found.invite.org_id, conversationId: found.conversation.id, subjectId: result.guestId };
    announceConsentChange(ctx, change);
  }
  return {
    token: result.session.token,
    expiresAt: result.session.expiresAt,
    conversationId: found.conversation.id,
    participant: { id: result.guestId, name, email },
  };
}
