/**
 * Starts a conversation. A direct conversation is found-or-created: the pair's `direct_key`
 * (sorted ids) is unique per org, so concurrent first messages between two members still end
 * in one conversation. A group makes the creator owner and adds the chosen members within the
 * group's limit, or writes nothing.
 */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { invalid, notFound } from '../../../platform/errors.js';
import {
  assertWithinLimit,
  insertMembers,
  type LoggedEvent,
  memberAddedPayload,
  memberLimitFor,
  resolveCandidates,
} from '../conversation-rules.js';
import type { CreateConversationInput, CreateDirectInput, CreateGroupInput } from '../conversation-schemas.js';
import { appendConversationEvent, publishEvents } from '../event-log.js';

export const directKeyOf = (a: string, b: string): string => [a, b].sort().join(':');

export async function createConversation(ctx: Ctx, actor: Actor, input: CreateConversationInput): Promise<string> {
  return input.kind === 'direct' ? openDirect(ctx, actor, input) : createGroup(ctx, actor, input);
}

async function findDirect(ctx: Ctx, orgId: string, key: string): Promise<string | undefined> {
  const row = await ctx.db
    .selectFrom('conversations')
    .select('id')
    .where('org_id', '=', orgId)
    .where('direct_key', '=', key)
    .executeTakeFirst();
  return row?.id;
}

async function openDirect(ctx: Ctx, actor: Actor, input: CreateDirectInput): Promise<string> {
  if (input.memberId === actor.memberId) throw invalid('Choose another member to talk to');
  const peer = await ctx.db
    .selectFrom('members')
    .select(['id', 'name'])
    .where('org_id', '=', actor.orgId)
    .where('id', '=', input.memberId)
    .where('status', '=', 'active')
    .where('kind', '=', 'staff')
    .executeTakeFirst();
  if (!peer) throw notFound('member');
  const key = directKeyOf(actor.memberId, peer.id);
  const existing = await findDirect(ctx, actor.orgId, key);
  if (existing) return existing;

  const now = ctx.clock.now().toISOString();
  const id = ctx.ids.next();
  const events = await ctx.db.transaction().execute(async (tx) => {
    // A concurrent request may have inserted the pair first: the unique index turns our insert
    // into a no-op and we return theirs.
    const inserted = await tx
      .insertInto('conversations')
      .values({
        id,
        org_id: actor.orgId,
        kind: 'direct',
        name: null,
        avatar_url: null,
        owner_id: null,
        announcement: null,
        announcement_at: null,
        settings: '{}',
        member_limit: 2,
        department_id: null,
        direct_key: key,
        last_seq: 0,
        status: 'active',
        created_by: actor.memberId,
        created_at: now,
        updated_at: now,
        dissolved_at: null,
      })
      .onConflict((oc) => oc.columns(['org_id', 'direct_key']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) return null;
    await insertMembers(
      tx,
      actor.orgId,
      id,
      [
        { id: actor.memberId, role: 'member' },
        { id: peer.id, role: 'member' },
      ],
      now,
    );
    return [
      await appendConversationEvent(ctx, tx, {
        orgId: actor.orgId,
        conversationId: id,
        type: 'conversation.created',
        actorId: actor.memberId,
        payload: {
          id,
          kind: 'direct',
          name: null,
          ownerId: null,
          members: [
            { id: actor.memberId, name: actor.name, role: 'member' },
            { id: peer.id, name: peer.name, role: 'member' },
          ],
        },
      }),
    ];
  });
  if (!events) {
    const winner = await findDirect(ctx, actor.orgId, key);
    if (!winner) throw new Error('direct conversation vanished after a conflicting insert');
    return winner;
  }
  publishEvents(ctx, events);
  return id;
}

async function createGroup(ctx: Ctx, actor: Actor, input: CreateGroupInput): Promise<string> {
  const name = input.name.trim();
  if (name === '') throw invalid('Give the group a name', { field: 'name' });
  const departmentIds = [
    ...(input.departmentIds ?? []),
    ...(input.followDepartmentId ? [input.followDepartmentId] : []),
  ];
  const candidates = (await resolveCandidates(ctx.db, actor.orgId, input.memberIds ?? [], departmentIds)).filter(
    (m) => m.id !== actor.memberId,
  );
  const limit = await memberLimitFor(ctx.db, actor.orgId, input.kind);
  assertWithinLimit(limit, 1, candidates.length);

  const now = ctx.clock.now().toISOString();
  const id = ctx.ids.next();
  const events = await ctx.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('conversations')
      .values({
        id,
        org_id: actor.orgId,
        kind: input.kind,
        name,
        avatar_url: input.avatarUrl ?? null,
        owner_id: actor.memberId,
        announcement: null,
        announcement_at: null,
        settings: JSON.stringify({ onlyAdminsInvite: false, welcomeMessage: null }),
        member_limit: limit,
        department_id: input.followDepartmentId ?? null,
        direct_key: null,
        last_seq: 0,
        status: 'active',
        created_by: actor.memberId,
        created_at: now,
        updated_at: now,
        dissolved_at: null,
      })
      .execute();
    await insertMembers(
      tx,
      actor.orgId,
      id,
      [{ id: actor.memberId, role: 'owner' }, ...candidates.map((m) => ({ id: m.id, role: 'member' }))],
      now,
    );
    const out: LoggedEvent[] = [
      await appendConversationEvent(ctx, tx, {
        orgId: actor.orgId,
        conversationId: id,
        type: 'conversation.created',
        actorId: actor.memberId,
        payload: {
          id,
          kind: input.kind,
          name,
          ownerId: actor.memberId,
          departmentId: input.followDepartmentId ?? null,
          members: [{ id: actor.memberId, name: actor.name, role: 'owner' }],
        },
      }),
    ];
    if (candidates.length > 0) {
      out.push(
        await appendConversationEvent(ctx, tx, {
          orgId: actor.orgId,
          conversationId: id,
          type: 'conversation.member_added',
          actorId: actor.memberId,
          // A new group has no welcome message yet, so the payload is just who joined.
          payload: memberAddedPayload(candidates, null),
        }),
      );
    }
    return out;
  });
  publishEvents(ctx, events);
  return id;
}
