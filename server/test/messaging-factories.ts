/** Builders for messaging test data: conversations inserted directly, with their members. */
import type { ConversationRole } from '@concord/protocol';
import type { Ctx } from '../src/app/context.js';
import { newMemberRow } from '../src/features/directory/member-row.js';

export type ConversationSeed = {
  orgId: string;
  members: { id: string; role: ConversationRole }[];
  name?: string;
  status?: 'active' | 'dissolved';
};

/** A group conversation with the given members; returns its id. */
export async function makeConversation(ctx: Ctx, seed: ConversationSeed): Promise<string> {
  const id = ctx.ids.next();
  const now = ctx.clock.now().toISOString();
  const owner = seed.members.find((m) => m.role === 'owner')?.id ?? null;
  await ctx.db
    .insertInto('conversations')
    .values({
      id,
      org_id: seed.orgId,
      kind: 'group',
      name: seed.name ?? '项目群',
      avatar_url: null,
      owner_id: owner,
      announcement: null,
      announcement_at: null,
      settings: '{}',
      member_limit: 2000,
      department_id: null,
      direct_key: null,
      last_seq: 0,
      status: seed.status ?? 'active',
      created_by: owner,
      created_at: now,
      updated_at: now,
      dissolved_at: seed.status === 'dissolved' ? now : null,
    })
    .execute();
  if (seed.members.length > 0) {
    await ctx.db
      .insertInto('conversation_members')
      .values(
        seed.members.map((m) => ({
          org_id: seed.orgId,
          conversation_id: id,
          member_id: m.id,
          role: m.role,
          joined_at: now,
          read_seq: 0,
          pinned: 0,
          muted: 0,
        })),
      )
      .execute();
  }
  return id;
}

/** An external participant (guest) already in the conversation, as joining by email code leaves them. */
export async function makeGuest(
  ctx: Ctx,
  org: { orgId: string; rootDepartmentId: string },
  conversationId: string,
  name = '访客',
): Promise<string> {
  const id = ctx.ids.next();
  const now = ctx.clock.now().toISOString();
  await ctx.db
    .insertInto('members')
    .values(newMemberRow({ id, orgId: org.orgId, name, primaryDepartmentId: org.rootDepartmentId, now, kind: 'guest' }))
    .execute();
  await ctx.db
    .insertInto('guest_identities')
    .values({
      member_id: id,
      org_id: org.orgId,
      conversation_id: conversationId,
      email: `${id}@guest.example.test`,
      invite_id: null,
      verified_at: now,
      created_at: now,
    })
    .execute();
  await ctx.db
    .insertInto('conversation_members')
    .values({
      org_id: org.orgId,
      conversation_id: conversationId,
      member_id: id,
      role: 'member',
      joined_at: now,
      read_seq: 0,
      pinned: 0,
      muted: 0,
    })
    .execute();
  return id;
}
