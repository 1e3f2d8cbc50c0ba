/**
 * Step two of the contact page: the visitor proves the address with the code and lands in a 1:1
 * chat with the link's member. The first time, a guest (bound to that chat), the chat, the
 * customer (or the existing one with this email) and their link are created, the link's
 * welcome message is posted and its join count goes up. Later the same address signs into the
 * same chat — through any of that member's links — with no second customer. Code use and every
 * write are one transaction; a refusal leaves no trace and the code still works.
 */
import type { Kysely } from 'kysely';
import type { Ctx } from '../../../app/context.js';
import type { RequestMeta } from '../../../authz/actor.js';
import type { Database } from '../../../platform/db/schema.js';
import { invalid } from '../../../platform/errors.js';
import { pinyinKeys } from '../../../platform/text/pinyin.js';
import { type AuditWho, recordAudit } from '../../audit/record.js';
import {
  assertNoticeVersion,
  guestNoticeFor,
  memberChatNoticeFor,
  recordGuestAnswer,
} from '../../compliance/consent/index.js';
import { newMemberRow } from '../../directory/member-row.js';
import { checkEmailCode, consumeEmailCode } from '../../guests/email-codes.js';
import { cleanDisplayName, normaliseEmail } from '../../guests/guest-rules.js';
import type { GuestJoinedOut, GuestJoinInput } from '../../guests/schemas.js';
import { openSession } from '../../identity/index.js';
import {
  automaticSendId,
  type LoggedEvent,
  openCustomerChat,
  postInCustomerChat,
  publishEvents,
} from '../../messaging/index.js';
import { contactCodeSubject, type FoundLink, findLinkByCode, findVisitorChat } from './contact-lookup.js';
import { customerForVisitor } from './customer-for-visitor.js';

type Db = Kysely<Database>;
type Chat = { conversationId: string; guestId: string; customerId: string; customerCreated: boolean; first: boolean };

async function rootDepartmentId(tx: Db, orgId: string): Promise<string> {
  const row = await tx
    .selectFrom('departments')
    .select('id')
    .where('org_id', '=', orgId)
    .where('parent_id', 'is', null)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The first chat: guest, conversation, customer, their link, the welcome message, the count. */
async function startChat(
  ctx: Ctx,
  tx: Db,
  found: FoundLink,
  visitor: { email: string; name: string; meta: RequestMeta },
  events: LoggedEvent[],
): Promise<Chat> {
  const { link, owner } = found;
  const orgId = link.org_id;
  const now = ctx.clock.now().toISOString();
  const guestId = ctx.ids.next();
  // Guests are outside the directory; the root department only satisfies the column.
  const guestRow = newMemberRow({
    id: guestId,
    orgId,
    name: visitor.name,
    primaryDepartmentId: await rootDepartmentId(tx, orgId),
    now,
    kind: 'guest',
  });
  await tx.insertInto('members').values(guestRow).execute();
  const chat = await openCustomerChat(ctx, tx, { orgId, member: owner, guest: { id: guestId, name: visitor.name } });
  events.push(...chat.events);
  await tx
    .insertInto('guest_identities')
    .values({
      member_id: guestId,
      org_id: orgId,
      conversation_id: chat.conversationId,
      email: visitor.email,
      invite_id: null,
      verified_at: now,
      created_at: now,
    })
    .execute();
  const who: AuditWho = { kind: 'anonymous', memberId: guestId, name: visitor.name, meta: visitor.meta };
  const customer = await customerForVisitor(ctx, tx, { found, email: visitor.email, name: visitor.name, who });
  await tx
    .insertInto('customer_conversations')
    .values({
      conversation_id: chat.conversationId,
      org_id: orgId,
      customer_id: customer.id,
      guest_id: guestId,
      member_id: owner.id,
      contact_link_id: link.id,
      contact_link_name: link.name,
      created_at: now,
    })
    .execute();
  await tx
    .updateTable('contact_links')
    .set((eb) => ({ joins: eb('joins', '+', 1) }))
    .where('id', '=', link.id)
    .execute();
  if (link.welcome_message) {
    const welcome = await postInCustomerChat(ctx, tx, {
      orgId,
      conversationId: chat.conversationId,
      sender: owner,
      body: link.welcome_message,
      clientMsgId: automaticSendId('contact-welcome', chat.conversationId),
    });
    events.push(...welcome);
  }
  return {
    conversationId: chat.conversationId,
    guestId,
    customerId: customer.id,
    customerCreated: customer.created,
    first: true,
  };
}

async function renameGuest(ctx: Ctx, tx: Db, guestId: string, name: string): Promise<void> {
  const keys = pinyinKeys(name);
  await tx
    .updateTable('members')
    .set({ name, name_pinyin: keys.pinyin, name_initials: keys.initials, updated_at: ctx.clock.now().toISOString() })
    .where('id', '=', guestId)
    .where('name', '!=', name)
    .execute();
}

export async function joinThroughLink(
  ctx: Ctx,
  code: string,
  input: GuestJoinInput,
  meta: RequestMeta,
): Promise<GuestJoinedOut> {
  const found = await findLinkByCode(ctx.db, code);
  const orgId = found.link.org_id;
  const email = normaliseEmail(input.email);
  const name = cleanDisplayName(input.displayName);
  const returning = await findVisitorChat(ctx.db, orgId, found.owner.id, email);
  const notice = returning
    ? await guestNoticeFor(ctx.db, orgId, returning.conversationId)
    : await memberChatNoticeFor(ctx.db, orgId, found.owner.id);
  if (notice && !returning && !input.consent) {
    throw invalid('This chat is archived: agree to or decline the archive notice to start it', {
      field: 'consent',
      noticeVersion: notice.version,
    });
  }
  if (notice && input.consent) assertNoticeVersion(notice, input.noticeVersion);
  const codeId = await checkEmailCode(ctx, contactCodeSubject(found, email), input.code);

  const events: LoggedEvent[] = [];
  const result = await ctx.db.transaction().execute(async (tx) => {
    if (!(await consumeEmailCode(ctx, tx, codeId))) {
      throw invalid('This code has just been used; ask for a new one', { field: 'code', reason: 'used' });
    }
    // Read again inside the transaction: a concurrent first join may have just committed.
    const again = await findVisitorChat(tx, orgId, found.owner.id, email);
    const chat: Chat = again
      ? { ...again, customerCreated: false, first: false }
      : await startChat(ctx, tx, found, { email, name, meta }, events);
    if (again) await renameGuest(ctx, tx, again.guestId, name);
    const session = await openSession(ctx, tx, { orgId, memberId: chat.guestId }, meta);
    const who: AuditWho = { kind: 'anonymous', memberId: chat.guestId, name, meta };
    if (notice && input.consent) {
      await recordGuestAnswer(ctx, tx, {
        orgId,
        guest: { id: chat.guestId, name },
        conversationId: chat.conversationId,
        choice: input.consent,
        notice,
        via: 'join',
        who,
      });
    }
    if (chat.first) {
      await recordAudit(ctx, tx, {
        orgId,
        who,
        action: 'conversation.guest_joined',
        target: { type: 'conversation', id: chat.conversationId, label: name },
        after: {
          guestId: chat.guestId,
          name,
          email,
          contactLinkId: found.link.id,
          customerId: chat.customerId,
          customerCreated: chat.customerCreated,
        },
      });
    }
    return { chat, session };
  });
  publishEvents(ctx, events);
  if (result.chat.customerCreated) {
    ctx.bus.emit({
      type: 'customer.created',
      orgId,
      at: ctx.clock.now().toISOString(),
      actorId: null,
      data: { customerId: result.chat.customerId, ownerId: found.owner.id, source: 'contact_link' },
    });
  }
  return {
    token: result.session.token,
    expiresAt: result.session.expiresAt,
    conversationId: result.chat.conversationId,
    participant: { id: result.chat.guestId, name, email },
  };
}
