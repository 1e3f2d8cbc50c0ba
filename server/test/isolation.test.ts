/**
 * Sweeps every route in the OpenAPI document: an admin of another org, and a supervisor whose
 * data scope does not reach the target, must get 404/403 for every id route and must never see
 * the target's data in any list — and nothing of the target may change. A guest (external
 * participant) of the same org reaches only the routes of taking part in their own group.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptedArchiveNotice } from './archive-consent-fixture.js';
import { postWithImage } from './customer-post-fixtures.js';
import { makeDepartment, makeMember, makeOrg, sessionFor, type TestOrg } from './factories.js';
import { startTestServer, type TestServer } from './harness.js';
import {
  BODIES,
  countAudit,
  GUEST_ROUTES,
  MARKER,
  NOTIFICATION_A,
  operations,
  PUBLIC_ROUTES,
} from './isolation-sweep.js';
import { expectTargetUnchanged } from './isolation-target.js';
import { makeConversation, makeGuest } from './messaging-factories.js';
import { multipartFile } from './multipart.js';
import { STORE_KINDS } from './stores.js';

describe.each(STORE_KINDS)('tenancy and data scope sweep on %s', (kind) => {
  let server: TestServer;
  let orgA: TestOrg;
  let orgB: TestOrg;
  let idsOfA: Record<string, string>;
  let outsider: { authorization: string };
  let scoped: { authorization: string };
  let guest: { authorization: string };
  let outOfScope: Record<string, string>;
  let auditCountBefore: number;

  beforeAll(async () => {
    server = await startTestServer(kind);
    const { ctx } = server;
    orgA = await makeOrg(ctx, '甲公司');
    orgB = await makeOrg(ctx, '乙公司');
    const regionA1 = await makeDepartment(ctx, orgA.orgId, orgA.rootDepartmentId, '华东区');
    const regionA2 = await makeDepartment(ctx, orgA.orgId, orgA.rootDepartmentId, '华南区');
    const storeA2 = await makeDepartment(ctx, orgA.orgId, regionA2, '深圳店');
    const victim = await makeMember(ctx, orgA, { departmentId: storeA2, name: MARKER });
    const victimSession = await sessionFor(ctx, orgA.orgId, victim.id);
    const supervisor = await makeMember(ctx, orgA, { departmentId: regionA1, name: '区域经理', roles: ['supervisor'] });
    scoped = await sessionFor(ctx, orgA.orgId, supervisor.id);
    outsider = await sessionFor(ctx, orgB.orgId, orgB.ownerId);
    const guestGroup = await makeConversation(ctx, {
      orgId: orgA.orgId,
      members: [{ id: supervisor.id, role: 'owner' }],
    });
    guest = await sessionFor(ctx, orgA.orgId, await makeGuest(ctx, orgA, guestGroup));
    const tokenId = ctx.ids.next();
    await ctx.db
      .insertInto('api_tokens')
      .values({
        id: tokenId,
        org_id: orgA.orgId,
        member_id: orgA.ownerId,
        name: MARKER,
        token_hash: `hash-${tokenId}`,
        token_prefix: 'cat_xxxx',
        scopes: '["member.view"]',
        created_at: ctx.clock.now().toISOString(),
        last_used_at: null,
        expires_at: null,
        revoked_at: null,
      })
      .execute();
    // A sensitive-content rule that records the marker, so the victim's message raises an alert.
    const ownerA = await sessionFor(ctx, orgA.orgId, orgA.ownerId);
    // Archiving on, so the archive's search, replay, exports and consent lists hold the marker too.
    const archiveOn = await server.app.inject({
      method: 'PUT',
      url: '/api/v1/archive/settings',
      headers: ownerA,
      payload: { enabled: true, scope: 'all' },
    });
    expect(archiveOn.statusCode, archiveOn.body).toBe(200);
    await acceptedArchiveNotice(ctx, orgA.orgId, [victim.id, supervisor.id]);
    const lexiconA = await server.app.inject({
      method: 'POST',
      url: '/api/v1/compliance/lexicons',
      headers: ownerA,
      payload: { name: MARKER, category: 'custom', words: [MARKER] },
    });
    const ruleA = await server.app.inject({
      method: 'POST',
      url: '/api/v1/compliance/rules',
      headers: ownerA,
      payload: { name: MARKER, lexiconIds: [lexiconA.json().id], detectors: [], action: 'record', scope: 'all' },
    });
    expect(ruleA.statusCode, ruleA.body).toBe(200);
    // A group of the victim with one message carrying the marker.
    const conversationA = await makeConversation(ctx, {
      orgId: orgA.orgId,
      members: [{ id: victim.id, role: 'owner' }],
    });
    const messageA = await server.app.inject({
      method: 'POST',
      url: `/api/v1/conversations/${conversationA}/messages`,
      headers: { authorization: victimSession.authorization },
      payload: { clientMsgId: 'victim-1', body: MARKER },
    });
    const upload = multipartFile(MARKER, `${MARKER}.txt`, 'text/plain');
    const attachmentA = await server.app.inject({
      method: 'POST',
      url: `/api/v1/conversations/${conversationA}/attachments`,
      headers: { authorization: victimSession.authorization, ...upload.headers },
      payload: upload.payload,
    });
    expect(attachmentA.statusCode, attachmentA.body).toBe(200);
    const todoA = await server.app.inject({
      method: 'POST',
      url: `/api/v1/messages/${(messageA.json() as { id: string }).id}/todo`,
      headers: { authorization: victimSession.authorization },
      payload: { assigneeIds: [victim.id] },
    });
    expect(todoA.statusCode, todoA.body).toBe(200);
    await ctx.bus.drain();
    const archivedA = await server.app.inject({
      method: 'GET',
      url: `/api/v1/archive/search?q=${encodeURIComponent(MARKER)}`,
      headers: ownerA,
    });
    expect(archivedA.body).toContain(MARKER);
    // A customer of the victim and an org-wide tag group, both named with the marker.
    const customerA = await server.app.inject({
      method: 'POST',
      url: '/api/v1/customers',
      headers: { authorization: victimSession.authorization },
      payload: { name: MARKER, mobile: '13800009999' },
    });
    expect(customerA.statusCode, customerA.body).toBe(201);
    // A follow-up by the victim with a file, so the analytics of follow-ups per member have
    // something to leak and the file route a real id.
    const fileUpload = multipartFile(MARKER, `${MARKER}.txt`, 'text/plain');
    const followUpFileA = await server.app.inject({
      method: 'POST',
      url: `/api/v1/customers/${(customerA.json() as { id: string }).id}/follow-up-files`,
      headers: { authorization: victimSession.authorization, ...fileUpload.headers },
      payload: fileUpload.payload,
    });
    expect(followUpFileA.statusCode, followUpFileA.body).toBe(200);
    const followUpA = await server.app.inject({
      method: 'POST',
      url: `/api/v1/customers/${(customerA.json() as { id: string }).id}/follow-ups`,
      headers: { authorization: victimSession.authorization },
      payload: { kind: 'call', content: MARKER, fileIds: [(followUpFileA.json() as { id: string }).id] },
    });
    expect(followUpA.statusCode, followUpA.body).toBe(201);
    // A waiting transfer of that customer, so the transfer routes are swept with a real id.
    const transferA = await server.app.inject({
      method: 'POST',
      url: '/api/v1/customers/transfer',
      headers: ownerA,
      payload: { customerIds: [(customerA.json() as { id: string }).id], toMemberId: orgA.ownerId },
    });
    expect(transferA.statusCode, transferA.body).toBe(200);
    const tagGroupA = await server.app.inject({
      method: 'POST',
      url: '/api/v1/tag-groups',
      headers: ownerA,
      payload: { name: MARKER, tags: [MARKER] },
    });
    expect(tagGroupA.statusCode, tagGroupA.body).toBe(200);
    await ctx.db
      .insertInto('notifications')
      .values({
        id: NOTIFICATION_A,
        org_id: orgA.orgId,
        member_id: victim.id,
        kind: 'follow_up_due',
        data: JSON.stringify({ customerName: MARKER }),
        link: null,
        dedupe_key: 'sweep',
        created_at: ctx.clock.now().toISOString(),
        read_at: null,
      })
      .execute();
    // An org-wide quick-reply category and a personal reply of the victim, both named with the marker.
    const replyCategoryA = await server.app.inject({
      method: 'POST',
      url: '/api/v1/quick-reply-categories',
      headers: ownerA,
      payload: { name: MARKER, scope: 'org' },
    });
    expect(replyCategoryA.statusCode, replyCategoryA.body).toBe(200);
    const quickReplyA = await server.app.inject({
      method: 'POST',
      url: '/api/v1/quick-replies',
      headers: { authorization: victimSession.authorization },
      payload: { title: MARKER, text: MARKER, scope: 'personal' },
    });
    expect(quickReplyA.statusCode, quickReplyA.body).toBe(201);
    // A contact-me link of the victim, named with the marker.
    const linkA = await server.app.inject({
      method: 'POST',
      url: '/api/v1/contact-links',
      headers: { authorization: victimSession.authorization },
      payload: { name: MARKER, welcomeMessage: MARKER },
    });
    expect(linkA.statusCode, linkA.body).toBe(201);
    // A post to customers of the victim, with an image, its text the marker.
    const postA = await postWithImage(server, { authorization: victimSession.authorization }, MARKER);
    // A customer's comment on it, the marker its text (planted: the post has no audience here).
    const commentA = '00000000-0000-4000-8000-00000000c001';
    await ctx.db
      .insertInto('customer_post_comments')
      .values({
        id: commentA,
        org_id: orgA.orgId,
        post_id: postA.postId,
        customer_id: (customerA.json() as { id: string }).id,
        member_id: null,
        author_name: MARKER,
        reply_to_id: null,
        body: MARKER,
        created_at: server.clock.now().toISOString(),
        deleted_at: null,
      })
      .execute();
    // A mass message of the victim to their customers, waiting for approval.
    const massA = await server.app.inject({
      method: 'POST',
      url: '/api/v1/mass-messages',
      headers: { authorization: victimSession.authorization },
      payload: { text: MARKER, filter: {} },
    });
    expect(massA.statusCode, massA.body).toBe(201);
    const alertA = await ctx.db
      .selectFrom('sensitive_alerts')
      .select('id')
      .where('org_id', '=', orgA.orgId)
      .executeTakeFirstOrThrow();
    idsOfA = {
      lexicons: lexiconA.json().id,
      rules: ruleA.json().id,
      alerts: alertA.id,
      customers: (customerA.json() as { id: string }).id,
      'customer-transfers': (transferA.json() as { batchId: string; items: { id: string }[] }).items[0]?.id ?? '',
      // The customer's own decline (under a guest session) names the same transfer.
      transfers: (transferA.json() as { batchId: string; items: { id: string }[] }).items[0]?.id ?? '',
      'tag-groups': (tagGroupA.json() as { items: { id: string }[] }).items[0]?.id ?? '',
      'quick-reply-categories': (replyCategoryA.json() as { items: { id: string }[] }).items[0]?.id ?? '',
      'quick-replies': (quickReplyA.json() as { id: string }).id,
      'contact-links': (linkA.json() as { id: string }).id,
      'customer-posts': postA.postId,
      posts: postA.postId,
      comments: commentA,
      images: postA.imageId,
      'post-images': postA.imageId,
      'mass-messages': (massA.json() as { id: string }).id,
      conversations: conversationA,
      todos: (todoA.json() as { items: { id: string }[] }).items[0]?.id ?? '',
      attachments: (attachmentA.json() as { id: string }).id,
      'follow-up-files': (followUpFileA.json() as { id: string }).id,
      messages: (messageA.json() as { id: string }).id,
      members: victim.id,
      departments: storeA2,
      roles: orgA.roleIds.admin as string,
      'api-tokens': tokenId,
      sessions: victimSession.sessionId,
      audit: (
        await ctx.db.selectFrom('audit_log').select('id').where('org_id', '=', orgA.orgId).executeTakeFirstOrThrow()
      ).id,
    };
    outOfScope = { ...idsOfA, departments: storeA2, members: victim.id };
    auditCountBefore = await countAudit(server, orgA.orgId);
  });
  afterAll(() => server.close());

  const idFor = (ids: Record<string, string>, path: string): string => {
    const segments = path.split('/');
    const at = segments.indexOf('{id}');
    return ids[segments[at - 1] ?? ''] ?? ids.members ?? '';
  };

  /** `scopedOnly`: only routes about members and departments, which data scopes govern. */
  async function sweep(authorization: string, ids: Record<string, string>, scopedOnly = false) {
    const findings: string[] = [];
    for (const op of await operations(server)) {
      if (!op.path.startsWith('/api/v1/') || op.path.startsWith('/api/v1/auth/')) continue;
      if (scopedOnly && !/\/(members|departments|customers)(\/|$)/.test(op.path)) continue;
      const key = `${op.method} ${op.path}`;
      const url = op.path.replace('{id}', idFor(ids, op.path)).replace('{commentId}', ids.comments ?? '');
      const withQuery =
        op.method === 'GET' && !op.path.includes('{id}')
          ? `${url}?departmentId=${ids.departments}&actorId=${ids.members}&targetId=${ids.members}`
          : url;
      const res = await server.app.inject({
        method: op.method as 'GET',
        url: withQuery,
        headers: { authorization },
        ...(op.method === 'GET' || op.method === 'DELETE' ? {} : { payload: (BODIES[key] ?? {}) as object }),
      });
      if (op.path.includes('{id}')) {
        if (res.statusCode < 400) findings.push(`${key} answered ${res.statusCode}`);
      }
      if (res.body.includes(MARKER) || res.body.includes(ids.members ?? '')) findings.push(`${key} leaked data`);
    }
    return findings;
  }

  it('gives an admin of another org nothing of this org on any route', async () => {
    expect(await sweep(outsider.authorization, idsOfA)).toEqual([]);
  });

  it('gives a supervisor nothing outside their department tree', async () => {
    expect(await sweep(scoped.authorization, outOfScope, true)).toEqual([]);
  });

  it('counts nothing of this org in another org’s or an out-of-scope supervisor’s customer analytics', async () => {
    const reports = ['funnel', 'customers-trend', 'follow-ups'];
    for (const authorization of [outsider.authorization, scoped.authorization]) {
      for (const report of reports) {
        const res = await server.app.inject({
          method: 'GET',
          url: `/api/v1/analytics/${report}`,
          headers: { authorization },
        });
        expect(res.statusCode, `${report}: ${res.body}`).toBe(200);
        expect(res.body).not.toContain(MARKER);
        expect(res.body).not.toContain(idsOfA.members as string);
        const body = res.json();
        if (report === 'funnel') expect(body.customers).toBe(0);
        if (report === 'customers-trend') expect(body.totals).toEqual({ new: 0, lost: 0 });
        if (report === 'follow-ups') expect(body.totals.total).toBe(0);
      }
    }
  });

  it('gives a guest of the same org nothing beyond their own group on any route', async () => {
    expect(await sweep(guest.authorization, idsOfA)).toEqual([]);
  });

  it('opens to a guest only the routes of taking part in their group', async () => {
    const open: string[] = [];
    for (const op of await operations(server)) {
      const key = `${op.method} ${op.path}`;
      if (!op.path.startsWith('/api/v1/') || PUBLIC_ROUTES.has(op.path) || GUEST_ROUTES.has(key)) continue;
      const res = await server.app.inject({
        method: op.method as 'GET',
        url: op.path.replace('{id}', idsOfA.members as string),
        headers: { authorization: guest.authorization },
      });
      if (res.statusCode !== 403) open.push(`${key} answered ${res.statusCode}`);
    }
    expect(open).toEqual([]);
  });

  it('leaves the target org unchanged after every sweep', async () => {
    await expectTargetUnchanged(server, idsOfA, orgA, auditCountBefore);
  });

  it('refuses every non-public route without a token', async () => {
    const open: string[] = [];
    for (const op of await operations(server)) {
      if (!op.path.startsWith('/api/v1/') || PUBLIC_ROUTES.has(op.path)) continue;
      const res = await server.app.inject({
        method: op.method as 'GET',
        url: op.path.replace('{id}', idsOfA.members as string),
      });
      if (res.statusCode !== 401) open.push(`${op.method} ${op.path} answered ${res.statusCode}`);
    }
    expect(open).toEqual([]);
  });
});
