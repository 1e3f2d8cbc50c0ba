/**
 * A customer's chats for their detail page and timeline: with which member, through which link,
 * first contact and last message. `canOpen` tells whether the viewer takes part in the chat
 * (the member serving the customer there), so the page offers "open conversation" only then.
 */
import { Type } from '@sinclair/typebox';
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { loadVisibleCustomer } from '../access.js';
import { customerViewer } from '../viewer.js';

const Ref = Type.Object({ id: Type.String(), name: Type.String() });

export const CustomerChat = Type.Object({
  conversationId: Type.String(),
  member: Ref,
  contactLink: Type.Union([Ref, Type.Null()]),
  firstContactAt: Type.String(),
  lastMessageAt: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
  canOpen: Type.Boolean(),
});
export const CustomerChatList = Type.Object({ items: Type.Array(CustomerChat) });

export async function listCustomerChats(ctx: Ctx, actor: Actor, customerId: string) {
  const viewer = await customerViewer(ctx, actor);
  const { row } = await loadVisibleCustomer(ctx, ctx.db, viewer, customerId, { deleted: 'include' });
  const rows = await ctx.db
    .selectFrom('customer_conversations as cc')
    .innerJoin('members as m', 'm.id', 'cc.member_id')
    .innerJoin('conversations as c', 'c.id', 'cc.conversation_id')
    .leftJoin('conversation_members as mine', (join) =>
      join.onRef('mine.conversation_id', '=', 'cc.conversation_id').on('mine.member_id', '=', actor.memberId),
    )
    .select((eb) => [
      'cc.conversation_id',
      'cc.contact_link_id',
      'cc.contact_link_name',
      'cc.created_at',
      'm.id as member_id',
      'm.name as member_name',
      'c.status',
      'mine.member_id as mine',
      eb
        .selectFrom('messages')
        .select((m) => m.fn.max('messages.created_at').as('at'))
        .whereRef('messages.conversation_id', '=', 'cc.conversation_id')
        .as('last_message_at'),
    ])
    .where('cc.org_id', '=', viewer.orgId)
    .where('cc.customer_id', '=', row.id)
    .orderBy('cc.created_at')
    .execute();
  return {
    items: rows.map((r) => ({
      conversationId: r.conversation_id,
      member: { id: r.member_id, name: r.member_name },
      contactLink:
        r.contact_link_id && r.contact_link_name ? { id: r.contact_link_id, name: r.contact_link_name } : null,
      firstContactAt: r.created_at,
      lastMessageAt: (r.last_message_at as string | null) ?? null,
      active: r.status === 'active',
      canOpen: r.mine !== null && r.status === 'active',
    })),
  };
}
