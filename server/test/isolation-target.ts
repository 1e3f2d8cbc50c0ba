/**
 * The tenancy sweep's last check: every record planted in the target org reads as it was
 * planted, and the audit log gained only refusals while the sweeps ran.
 */
import { expect } from 'vitest';
import type { TestServer } from './harness.js';
import { MARKER, NOTIFICATION_A } from './isolation-sweep.js';

export async function expectTargetUnchanged(
  server: TestServer,
  idsOfA: Record<string, string>,
  orgA: { orgId: string },
  auditCountBefore: number,
): Promise<void> {
  const victim = await server.ctx.db
    .selectFrom('members')
    .select(['name', 'status', 'title'])
    .where('id', '=', idsOfA.members as string)
    .executeTakeFirstOrThrow();
  expect(victim).toEqual({ name: MARKER, status: 'active', title: null });
  const dept = await server.ctx.db
    .selectFrom('departments')
    .select('name')
    .where('id', '=', idsOfA.departments as string)
    .executeTakeFirstOrThrow();
  expect(dept.name).toBe('深圳店');
  const token = await server.ctx.db
    .selectFrom('api_tokens')
    .select('revoked_at')
    .where('id', '=', idsOfA['api-tokens'] as string)
    .executeTakeFirstOrThrow();
  expect(token.revoked_at).toBeNull();
  const session = await server.ctx.db
    .selectFrom('sessions')
    .select('revoked_at')
    .where('id', '=', idsOfA.sessions as string)
    .executeTakeFirstOrThrow();
  expect(session.revoked_at).toBeNull();
  const message = await server.ctx.db
    .selectFrom('messages')
    .select(['body', 'recalled_at', 'edited_at'])
    .where('id', '=', idsOfA.messages as string)
    .executeTakeFirstOrThrow();
  expect(message).toEqual({ body: MARKER, recalled_at: null, edited_at: null });
  const messageCount = await server.ctx.db
    .selectFrom('messages')
    .select('id')
    .where('conversation_id', '=', idsOfA.conversations as string)
    .execute();
  expect(messageCount).toHaveLength(1);
  const alert = await server.ctx.db
    .selectFrom('sensitive_alerts')
    .select(['status', 'note'])
    .where('id', '=', idsOfA.alerts as string)
    .executeTakeFirstOrThrow();
  expect(alert).toEqual({ status: 'new', note: null });
  const lexicon = await server.ctx.db
    .selectFrom('sensitive_lexicons')
    .select(['version', 'words'])
    .where('id', '=', idsOfA.lexicons as string)
    .executeTakeFirstOrThrow();
  expect({ ...lexicon, version: Number(lexicon.version) }).toEqual({ version: 1, words: JSON.stringify([MARKER]) });
  const customer = await server.ctx.db
    .selectFrom('customers')
    .select(['name', 'remark', 'deleted_at'])
    .where('id', '=', idsOfA.customers as string)
    .executeTakeFirstOrThrow();
  expect(customer).toEqual({ name: MARKER, remark: null, deleted_at: null });
  const followUps = await server.ctx.db
    .selectFrom('customer_follow_ups')
    .select('content')
    .where('customer_id', '=', idsOfA.customers as string)
    .execute();
  expect(followUps).toEqual([{ content: MARKER }]);
  const tagGroup = await server.ctx.db
    .selectFrom('customer_tag_groups')
    .select('name')
    .where('id', '=', idsOfA['tag-groups'] as string)
    .executeTakeFirstOrThrow();
  expect(tagGroup.name).toBe(MARKER);
  const transfer = await server.ctx.db
    .selectFrom('customer_transfers')
    .select('status')
    .where('id', '=', idsOfA['customer-transfers'] as string)
    .executeTakeFirstOrThrow();
  expect(transfer.status).toBe('waiting');
  const notification = await server.ctx.db
    .selectFrom('notifications')
    .select('read_at')
    .where('id', '=', NOTIFICATION_A)
    .executeTakeFirstOrThrow();
  expect(notification.read_at).toBeNull();
  const quickReply = await server.ctx.db
    .selectFrom('quick_replies')
    .select(['title', 'body', 'use_count'])
    .where('id', '=', idsOfA['quick-replies'] as string)
    .executeTakeFirstOrThrow();
  expect({ ...quickReply, use_count: Number(quickReply.use_count) }).toEqual({
    title: MARKER,
    body: MARKER,
    use_count: 0,
  });
  const replyCategory = await server.ctx.db
    .selectFrom('quick_reply_categories')
    .select('name')
    .where('id', '=', idsOfA['quick-reply-categories'] as string)
    .executeTakeFirstOrThrow();
  expect(replyCategory.name).toBe(MARKER);
  const link = await server.ctx.db
    .selectFrom('contact_links')
    .select(['name', 'deleted_at'])
    .where('id', '=', idsOfA['contact-links'] as string)
    .executeTakeFirstOrThrow();
  expect(link).toEqual({ name: MARKER, deleted_at: null });
  const post = await server.ctx.db
    .selectFrom('customer_posts')
    .select(['body', 'status'])
    .where('id', '=', idsOfA['customer-posts'] as string)
    .executeTakeFirstOrThrow();
  expect(post).toEqual({ body: MARKER, status: 'published' });
  const reactions = await server.ctx.db
    .selectFrom('customer_post_comments')
    .select(['id', 'deleted_at'])
    .where('post_id', '=', idsOfA['customer-posts'] as string)
    .execute();
  expect(reactions).toEqual([{ id: idsOfA.comments, deleted_at: null }]);
  const mass = await server.ctx.db
    .selectFrom('mass_messages')
    .select(['text', 'status', 'approver_id'])
    .where('id', '=', idsOfA['mass-messages'] as string)
    .executeTakeFirstOrThrow();
  expect(mass).toEqual({ text: MARKER, status: 'pending_approval', approver_id: null });
  // Only refusals may have been recorded, never a change.
  const entries = await server.ctx.db
    .selectFrom('audit_log')
    .select('action')
    .where('org_id', '=', orgA.orgId)
    .orderBy('id')
    .execute();
  const added = entries.slice(auditCountBefore).map((e) => e.action);
  expect(added.every((a) => a === 'authz.denied')).toBe(true);
}
