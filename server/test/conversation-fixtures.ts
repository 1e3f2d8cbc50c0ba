/** Test fixtures for conversation tests: an org with members, and messages written directly. */

import type { Ctx } from '../src/app/context.js';
import { appendConversationEvent } from '../src/features/messaging/event-log.js';
import { makeMember, makeOrg, sessionFor, type TestOrg } from './factories.js';
import type { TestServer } from './harness.js';

export type Person = { id: string; name: string; headers: { authorization: string } };

export async function person(ctx: Ctx, org: TestOrg, name: string, departmentId?: string): Promise<Person> {
  const m = await makeMember(ctx, org, { departmentId: departmentId ?? org.rootDepartmentId, name });
  const { authorization } = await sessionFor(ctx, org.orgId, m.id);
  return { id: m.id, name, headers: { authorization } };
}

export async function orgWith(ctx: Ctx, names: string[]): Promise<{ org: TestOrg; people: Person[] }> {
  const org = await makeOrg(ctx);
  const people: Person[] = [];
  for (const name of names) people.push(await person(ctx, org, name));
  return { org, people };
}

/** Stores a message the way the send path will: a `message.created` event and its row. */
export async function insertMessage(
  ctx: Ctx,
  orgId: string,
  conversationId: string,
  senderId: string,
  body: string,
  extra: { mentions?: string[]; mentionAll?: boolean; recalled?: boolean } = {},
): Promise<{ id: string; seq: number }> {
  const id = ctx.ids.next();
  return ctx.db.transaction().execute(async (tx) => {
    const event = await appendConversationEvent(ctx, tx, {
      orgId,
      conversationId,
      type: 'message.created',
      actorId: senderId,
      messageId: id,
      payload: { id, body },
    });
    await tx
      .insertInto('messages')
      .values({
        id,
        org_id: orgId,
        conversation_id: conversationId,
        seq: event.seq,
        sender_id: senderId,
        client_msg_id: id,
        kind: 'text',
        body,
        mentions: JSON.stringify(extra.mentions ?? []),
        mention_all: extra.mentionAll ? 1 : 0,
        reply_to_id: null,
        attachment: null,
        created_at: event.at,
        edited_at: null,
        recalled_at: extra.recalled ? event.at : null,
      })
      .execute();
    return { id, seq: event.seq };
  });
}

/** The conversation's event log as [seq, type] pairs. */
export async function eventsOf(server: TestServer, conversationId: string): Promise<[number, string][]> {
  const rows = await server.ctx.db
    .selectFrom('conversation_events')
    .select(['seq', 'type'])
    .where('conversation_id', '=', conversationId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => [Number(r.seq), r.type]);
}

export async function createGroup(
  server: TestServer,
  owner: Person,
  body: Record<string, unknown>,
): Promise<{ status: number; id: string; json: Record<string, unknown> }> {
  const res = await server.app.inject({
    method: 'POST',
    url: '/api/v1/conversations',
    headers: owner.headers,
    payload: { kind: 'group', name: '项目群', ...body },
  });
  const json = res.json() as Record<string, unknown>;
  return { status: res.statusCode, id: String(json.id ?? ''), json };
}
