/**
 * Delivering one recipient's copy, in its own transaction: the org's frequency cap (counted over
 * mass messages already sent to this customer in this calendar day, week or month), that the
 * customer is still served by the owner the message was addressed through, and the owner's chat
 * with the customer are checked at send time; the message goes out as the owner, keyed by the
 * mass message so a re-run never sends twice. Failures are recorded with their reason.
 */
import type { Kysely } from 'kysely';
import type { Ctx } from '../../../app/context.js';
import type { MassMessageTable } from '../../../platform/db/mass-message-tables.js';
import type { Database } from '../../../platform/db/schema.js';
import { automaticSendId, type LoggedEvent, publishEvents, sendInCustomerChat } from '../../messaging/index.js';
import type { FailReason, SettingsOut } from '../schemas.js';
import { capWindowStart } from '../settings.js';
import { findUpload } from '../uploads.js';

type Db = Kysely<Database>;

/** What the customer receives: the text, and a link's title and address below it. */
export function bodyOf(mm: MassMessageTable): string {
  if (mm.attachment_kind === 'link' && mm.link_url) return `${mm.text}\n${mm.link_title ?? ''}\n${mm.link_url}`;
  return mm.text;
}

async function ownerChat(tx: Db, orgId: string, customerId: string, ownerId: string): Promise<string | null> {
  const row = await tx
    .selectFrom('customer_conversations as cc')
    .innerJoin('conversations as c', 'c.id', 'cc.conversation_id')
    .select('cc.conversation_id')
    .where('cc.org_id', '=', orgId)
    .where('cc.customer_id', '=', customerId)
    .where('cc.member_id', '=', ownerId)
    .where('c.status', '=', 'active')
    .orderBy('cc.created_at')
    .executeTakeFirst();
  return row?.conversation_id ?? null;
}

async function capReached(tx: Db, mm: MassMessageTable, customerId: string, settings: SettingsOut, now: Date) {
  const row = await tx
    .selectFrom('mass_message_recipients')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('org_id', '=', mm.org_id)
    .where('customer_id', '=', customerId)
    .where('status', '=', 'sent')
    .where('mass_message_id', '!=', mm.id)
    .where('sent_at', '>=', capWindowStart(now, settings.capPeriod))
    .executeTakeFirst();
  return Number(row?.n ?? 0) >= settings.capCount;
}

async function failWith(tx: Db, mm: MassMessageTable, customerId: string, reason: FailReason): Promise<void> {
  await tx
    .updateTable('mass_message_recipients')
    .set({ status: 'failed', fail_reason: reason })
    .where('org_id', '=', mm.org_id)
    .where('mass_message_id', '=', mm.id)
    .where('customer_id', '=', customerId)
    .execute();
}

/** Sends to one customer unless already handled; returns the events to publish after the commit. */
export async function deliverRecipient(
  ctx: Ctx,
  mm: MassMessageTable,
  customerId: string,
  settings: SettingsOut,
): Promise<LoggedEvent[]> {
  const events = await ctx.db.transaction().execute(async (tx) => {
    if (ctx.dialect === 'postgres') {
      // Deliveries to one customer decide one at a time — a retry racing a slow first run, or
      // two mass messages going out at once — so neither sends twice nor passes the cap together.
      await tx
        .selectFrom('customers')
        .select('id')
        .where('org_id', '=', mm.org_id)
        .where('id', '=', customerId)
        .forUpdate()
        .execute();
    }
    const recipient = await tx
      .selectFrom('mass_message_recipients as r')
      .innerJoin('members as m', (j) => j.onRef('m.id', '=', 'r.owner_id').onRef('m.org_id', '=', 'r.org_id'))
      .innerJoin('customers as c', (j) => j.onRef('c.id', '=', 'r.customer_id').onRef('c.org_id', '=', 'r.org_id'))
      .select([
        'r.status',
        'r.owner_id',
        'm.name as owner_name',
        'm.status as owner_status',
        'c.deleted_at',
        'c.owner_id as current_owner_id',
      ])
      .where('r.org_id', '=', mm.org_id)
      .where('r.mass_message_id', '=', mm.id)
      .where('r.customer_id', '=', customerId)
      .executeTakeFirst();
    if (recipient?.status !== 'pending') return [];
    if (recipient.deleted_at !== null) return failWith(tx, mm, customerId, 'customer_deleted').then(() => []);
    if (recipient.owner_status !== 'active') return failWith(tx, mm, customerId, 'owner_inactive').then(() => []);
    // Transferred since the message was addressed: the new owner did not write or confirm it.
    if (recipient.current_owner_id !== recipient.owner_id) {
      return failWith(tx, mm, customerId, 'owner_changed').then(() => []);
    }
    const now = ctx.clock.now();
    if (await capReached(tx, mm, customerId, settings, now)) {
      return failWith(tx, mm, customerId, 'frequency_cap').then(() => []);
    }
    const conversationId = await ownerChat(tx, mm.org_id, customerId, recipient.owner_id);
    if (!conversationId) return failWith(tx, mm, customerId, 'no_conversation').then(() => []);
    const file =
      (mm.attachment_kind === 'image' || mm.attachment_kind === 'file') && mm.attachment_id
        ? await findUpload(tx, mm.org_id, mm.attachment_id)
        : null;
    const sent = await sendInCustomerChat(ctx, tx, {
      orgId: mm.org_id,
      conversationId,
      sender: { id: recipient.owner_id, name: recipient.owner_name },
      body: bodyOf(mm),
      clientMsgId: automaticSendId('mass', mm.id),
      file,
    });
    await tx
      .updateTable('mass_message_recipients')
      .set({
        status: 'sent',
        fail_reason: null,
        conversation_id: conversationId,
        message_id: sent.messageId,
        message_seq: sent.seq,
        sent_at: now.toISOString(),
      })
      .where('org_id', '=', mm.org_id)
      .where('mass_message_id', '=', mm.id)
      .where('customer_id', '=', customerId)
      .execute();
    return sent.events;
  });
  publishEvents(ctx, events);
  return events;
}
