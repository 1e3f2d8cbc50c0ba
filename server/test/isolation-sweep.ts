/**
 * What the tenancy sweep (`isolation.test.ts`) works from: the marker planted in the target org,
 * a valid body per write route, the routes open without a token or to guests, and the API's
 * operations read from its OpenAPI document.
 */
import type { TestServer } from './harness.js';

export type Operation = { method: string; path: string };

export const MARKER = '机密客户甲';

/** A notification of the victim's, stored with a fixed id so the read route is swept with it. */
export const NOTIFICATION_A = '00000000-0000-4000-8000-00000000a001';

/** A well-formed body for each write route, so the sweep reaches the handler, not validation. */
export const BODIES: Record<string, unknown> = {
  'POST /api/v1/notifications/read': { ids: [NOTIFICATION_A] },
  'PATCH /api/v1/departments/{id}': { name: '改名部门' },
  'PATCH /api/v1/members/{id}': { title: '改名' },
  'PATCH /api/v1/roles/{id}': { description: '改' },
  'PUT /api/v1/members/{id}/roles': { roleIds: [] },
  'POST /api/v1/members/{id}/depart': {},
  'POST /api/v1/conversations/{id}/messages': { clientMsgId: 'sweep', body: '越权消息' },
  'POST /api/v1/conversations/{id}/read': { seq: 1 },
  'PATCH /api/v1/messages/{id}': { body: '改' },
  'PATCH /api/v1/conversations/{id}': { name: '越权改名', announcement: '越权公告' },
  'POST /api/v1/conversations/{id}/members': { memberIds: ['00000000-0000-4000-8000-000000000000'] },
  'POST /api/v1/conversations/{id}/transfer-owner': { memberId: '00000000-0000-4000-8000-000000000000' },
  'POST /api/v1/conversations/{id}/invites': { maxUses: 1 },
  'PUT /api/v1/conversations/{id}/harassment-rules': {
    blockLinks: true,
    blockedKeywords: ['越权'],
    flood: null,
    action: 'remove',
  },
  'POST /api/v1/messages/{id}/todo': { assigneeIds: ['00000000-0000-4000-8000-000000000000'] },
  'PATCH /api/v1/compliance/lexicons/{id}': { words: ['越权'] },
  'PATCH /api/v1/compliance/rules/{id}': { action: 'block' },
  'PATCH /api/v1/compliance/alerts/{id}': { status: 'dismissed', note: '越权' },
  'PATCH /api/v1/customers/{id}': { remark: '越权' },
  'POST /api/v1/customers/{id}/stage': { stageId: '00000000-0000-4000-8000-000000000000' },
  'POST /api/v1/customers/{id}/merge': { mergeIds: ['00000000-0000-4000-8000-000000000000'] },
  'POST /api/v1/customers/{id}/follow-ups': { kind: 'call', content: '越权' },
  'PATCH /api/v1/tag-groups/{id}': { name: '越权' },
  'POST /api/v1/tag-groups/{id}/tags': { name: '越权' },
  'PATCH /api/v1/quick-replies/{id}': { text: '越权' },
  'PATCH /api/v1/quick-reply-categories/{id}': { name: '越权' },
  'PATCH /api/v1/contact-links/{id}': { name: '越权' },
  'POST /api/v1/customer-posts/{id}/reject': { reason: '越权' },
  'POST /api/v1/customer-posts/{id}/comments': { text: '越权', replyToId: '00000000-0000-4000-8000-000000000000' },
  'POST /api/v1/guest/posts/{id}/comments': { text: '越权' },
  'POST /api/v1/mass-messages/preview': { filter: {} },
  'POST /api/v1/mass-messages/{id}/reject': { reason: '越权' },
  'PATCH /api/v1/mass-messages/{id}': { text: '越权', filter: {} },
};

/** Every operation of the OpenAPI document. */
export async function operations(server: TestServer): Promise<Operation[]> {
  const doc = (await server.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
    paths: Record<string, Record<string, unknown>>;
  };
  const out: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const method of Object.keys(methods)) out.push({ method: method.toUpperCase(), path });
  }
  return out;
}

/**
 * Routes open without a token on purpose: sign-in, first-run setup (closed once an org exists),
 * and the join page of an invite link (the code is the secret, the email code proves the visitor).
 */
export const PUBLIC_ROUTES = new Set([
  '/api/v1/auth/login',
  '/api/v1/setup',
  '/api/v1/setup/demo',
  '/api/v1/invites/{code}',
  '/api/v1/invites/{code}/email-code',
  '/api/v1/invites/{code}/guest-join',
  '/api/v1/contact/{code}',
  '/api/v1/contact/{code}/email-code',
  '/api/v1/contact/{code}/join',
]);

/** What a guest may do: read and write in their group, files, receipts, leave, sign out, answer the archive notice. */
export const GUEST_ROUTES = new Set([
  'POST /api/v1/auth/logout',
  'GET /api/v1/conversations',
  'GET /api/v1/conversations/{id}',
  'DELETE /api/v1/conversations/{id}/members/{memberId}',
  'GET /api/v1/conversations/{id}/messages',
  'GET /api/v1/conversations/{id}/changes',
  'POST /api/v1/conversations/{id}/messages',
  'POST /api/v1/conversations/{id}/read',
  'PATCH /api/v1/messages/{id}',
  'POST /api/v1/messages/{id}/recall',
  'DELETE /api/v1/messages/{id}',
  'GET /api/v1/messages/{id}/readers',
  'POST /api/v1/conversations/{id}/attachments',
  'GET /api/v1/attachments/{id}',
  'POST /api/v1/conversations/{id}/announcement/confirm',
  'GET /api/v1/guest/consent',
  'POST /api/v1/guest/consent',
  'GET /api/v1/guest/transfers',
  'POST /api/v1/guest/transfers/{id}/decline',
  'GET /api/v1/guest/posts',
  'PUT /api/v1/guest/posts/{id}/like',
  'DELETE /api/v1/guest/posts/{id}/like',
  'POST /api/v1/guest/posts/{id}/comments',
  'DELETE /api/v1/guest/posts/{id}/comments/{commentId}',
  'GET /api/v1/guest/post-images/{id}',
  'GET /api/v1/guest/customer-groups',
]);

export async function countAudit(server: TestServer, orgId: string): Promise<number> {
  const rows = await server.ctx.db
    .selectFrom('audit_log')
    .select('id')
    .where('org_id', '=', orgId)
    .orderBy('id')
    .execute();
  return rows.length;
}
