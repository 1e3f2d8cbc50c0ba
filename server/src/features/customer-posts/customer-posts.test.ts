import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeLink, type Visitor, visitThroughLink } from '../../../test/contact-link-fixtures.js';
import { createGroup } from '../../../test/conversation-fixtures.js';
import { addCustomer, addTagGroup, caller, type Headers } from '../../../test/customer-fixtures.js';
import { makeMember, makeOrg, sessionFor, type TestOrg } from '../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { makeGuest } from '../../../test/messaging-factories.js';
import { multipartFile, TINY_PNG } from '../../../test/multipart.js';
import { type SmtpSink, startSmtpSink } from '../../../test/smtp-sink.js';
import { STORE_KINDS } from '../../../test/stores.js';

type GuestPostJson = {
  id: string;
  text: string;
  from: { kind: string; name: string };
  likeCount: number;
  liked: boolean;
  imageIds: string[];
  comments: { id: string; text: string; author: { kind: string; name: string }; replyToId: string | null }[];
};

describe.each(STORE_KINDS)('posts to customers on %s', (kind) => {
  let server: TestServer;
  let smtp: SmtpSink;
  let org: TestOrg;
  let admin: Headers;
  let seller: Headers;
  let sellerId: string;
  let colleague: Headers;
  let tags: Record<string, string>;
  let call: ReturnType<typeof caller>;
  /** Seller's VIP customer, colleague's VIP customer, seller's VIP customer who opted out. */
  let wang: Visitor;
  let li: Visitor;
  let zhao: Visitor;
  let outsider: Visitor;
  let outsiderAdmin: Headers;

  const feed = async (who: Visitor): Promise<GuestPostJson[]> => {
    const res = await call(who.headers, 'GET', '/api/v1/guest/posts');
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items;
  };
  const post = async (who: Headers, body: object) => {
    const res = await call(who, 'POST', '/api/v1/customer-posts', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; status: string; audienceCount: number };
  };

  beforeAll(async () => {
    smtp = await startSmtpSink();
    server = await startTestServer(kind, { mail: { smtpUrl: smtp.url, from: 'Concord <no-reply@example.test>' } });
    server.clock.set('2026-03-02T02:00:00.000Z');
    call = caller(server);
    org = await makeOrg(server.ctx, '朋友圈公司');
    admin = await sessionFor(server.ctx, org.orgId, org.ownerId);
    sellerId = (await makeMember(server.ctx, org, { departmentId: org.rootDepartmentId, name: '销售小王' })).id;
    seller = await sessionFor(server.ctx, org.orgId, sellerId);
    const other = await makeMember(server.ctx, org, { departmentId: org.rootDepartmentId, name: '同事小李' });
    colleague = await sessionFor(server.ctx, org.orgId, other.id);
    tags = (await addTagGroup(server, admin, '客户类型', ['VIP', '打印机', '退订'])).tags;
    const sellerVip = await makeLink(server, seller, { name: '名片', tagIds: [tags.VIP] });
    const sellerOut = await makeLink(server, seller, { name: '退订', tagIds: [tags.VIP, tags['退订']] });
    const colleagueVip = await makeLink(server, colleague, { name: '名片', tagIds: [tags.VIP] });
    wang = await visitThroughLink(server, smtp, sellerVip.code, 'wang@example.test', '王女士');
    zhao = await visitThroughLink(server, smtp, sellerOut.code, 'zhao@example.test', '赵先生');
    li = await visitThroughLink(server, smtp, colleagueVip.code, 'li@example.test', '李总');
    await addCustomer(server, seller, { name: '打印机客户', tagIds: [tags['打印机']] });

    const otherOrg = await makeOrg(server.ctx, '别家公司');
    outsiderAdmin = await sessionFor(server.ctx, otherOrg.orgId, otherOrg.ownerId);
    const otherTags = (await addTagGroup(server, outsiderAdmin, '类型', ['VIP'])).tags;
    const otherLink = await makeLink(server, outsiderAdmin, { name: '名片', tagIds: [otherTags.VIP] });
    outsider = await visitThroughLink(server, smtp, otherLink.code, 'wang@example.test', '王女士');
  });
  afterAll(async () => {
    await server.close();
    await smtp.close();
  });

  it('sends a member’s post only to their own customers the tag filter picks, audited', async () => {
    const created = await post(seller, {
      kind: 'member',
      text: '  春季新品上市，欢迎咨询  ',
      link: { url: 'https://example.com/spring', title: '新品目录' },
      tagsAll: [tags.VIP],
      tagsNone: [tags['退订']],
    });
    expect(created).toMatchObject({ status: 'published', audienceCount: 1, text: '春季新品上市，欢迎咨询' });
    expect((await feed(wang)).map((p) => p.text)).toEqual(['春季新品上市，欢迎咨询']);
    expect((await feed(wang))[0]).toMatchObject({ from: { kind: 'member', name: '销售小王' }, likeCount: 0 });
    // The colleague's VIP customer and the customer who opted out get nothing; nor does another org's.
    expect(await feed(li)).toEqual([]);
    expect(await feed(zhao)).toEqual([]);
    expect(await feed(outsider)).toEqual([]);
    expect((await call(outsider.headers, 'PUT', `/api/v1/guest/posts/${created.id}/like`)).statusCode).toBe(404);
    const audit = await server.ctx.db
      .selectFrom('audit_log')
      .select(['actor_id', 'after'])
      .where('org_id', '=', org.orgId)
      .where('action', '=', 'customer_post.published')
      .where('target_id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(audit.actor_id).toBe(sellerId);
    expect(JSON.parse(audit.after ?? '{}')).toMatchObject({ audience: 1, tagsAll: [tags.VIP] });
  });

  it('sends an org post to every customer of the org the filter picks, and only with the permission', async () => {
    const refused = await call(seller, 'POST', '/api/v1/customer-posts', {
      kind: 'org',
      text: '公司周年庆',
      tagsAny: [tags.VIP],
    });
    expect(refused.statusCode).toBe(403);
    const created = await post(admin, { kind: 'org', text: '公司周年庆', tagsAny: [tags.VIP] });
    expect(created.audienceCount).toBe(3);
    for (const who of [wang, li, zhao])
      expect((await feed(who))[0]).toMatchObject({ text: '公司周年庆', from: { kind: 'org', name: '朋友圈公司' } });
    // Newest first.
    expect((await feed(wang)).map((p) => p.text)).toEqual(['公司周年庆', '春季新品上市，欢迎咨询']);
  });

  it('counts a like once however often it is given, and takes it back', async () => {
    const [latest] = await feed(wang);
    const id = latest?.id ?? '';
    await call(wang.headers, 'PUT', `/api/v1/guest/posts/${id}/like`);
    const again = await call(wang.headers, 'PUT', `/api/v1/guest/posts/${id}/like`);
    expect(again.json()).toMatchObject({ likeCount: 1, liked: true });
    expect((await call(li.headers, 'PUT', `/api/v1/guest/posts/${id}/like`)).json()).toMatchObject({
      likeCount: 2,
      liked: true,
    });
    const detail = await call(admin, 'GET', `/api/v1/customer-posts/${id}`);
    expect(detail.json()).toMatchObject({ likeCount: 2, likes: [{ name: '王女士' }, { name: '李总' }] });
    expect((await call(li.headers, 'DELETE', `/api/v1/guest/posts/${id}/like`)).json()).toMatchObject({
      likeCount: 1,
      liked: false,
    });
  });

  it('takes a customer’s comment of at most 500 characters and the member’s answer, shown to that customer only', async () => {
    const [latest] = await feed(wang);
    const id = latest?.id ?? '';
    const tooLong = await call(wang.headers, 'POST', `/api/v1/guest/posts/${id}/comments`, { text: '好'.repeat(501) });
    expect(tooLong.statusCode).toBe(400);
    const blank = await call(wang.headers, 'POST', `/api/v1/guest/posts/${id}/comments`, { text: '   ' });
    expect(blank.json().error).toMatchObject({ code: 'invalid', details: { reason: 'empty' } });
    const ok = await call(wang.headers, 'POST', `/api/v1/guest/posts/${id}/comments`, { text: '好'.repeat(500) });
    expect(ok.statusCode, ok.body).toBe(201);
    const commentId = ok.json().comments[0].id;
    const answer = await call(admin, 'POST', `/api/v1/customer-posts/${id}/comments`, {
      text: '谢谢支持！',
      replyToId: commentId,
    });
    expect(answer.statusCode, answer.body).toBe(201);
    expect(answer.json().comments.map((c: { text: string }) => c.text)).toEqual(['好'.repeat(500), '谢谢支持！']);
    expect((await feed(wang))[0]?.comments).toMatchObject([
      { author: { kind: 'customer', name: '王女士' } },
      { text: '谢谢支持！', author: { kind: 'member', name: '王老板' }, replyToId: commentId },
    ]);
    // Another customer of the same post sees neither.
    expect((await feed(li))[0]?.comments).toEqual([]);
    // The post's author heard of the comment (once), and not of the colleague's answer.
    const { author_id } = await server.ctx.db
      .selectFrom('customer_posts')
      .select('author_id')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const told = await server.ctx.db
      .selectFrom('notifications')
      .select(['kind', 'data', 'link'])
      .where('member_id', '=', author_id)
      .where('kind', '=', 'post_commented')
      .execute();
    expect(told).toHaveLength(1);
    expect(JSON.parse(told[0]?.data ?? '{}')).toEqual({ postId: id, customerName: '王女士', excerpt: '好'.repeat(40) });
    expect(told[0]?.link).toBe(`/customers/posts?post=${id}`);
  });

  it('refuses a post or comment a blocking sensitive rule catches, naming the rule', async () => {
    const lexicon = await call(admin, 'POST', '/api/v1/compliance/lexicons', {
      name: '违规承诺',
      category: 'custom',
      words: ['保证收益'],
    });
    const rule = await call(admin, 'POST', '/api/v1/compliance/rules', {
      name: '禁止承诺收益',
      lexiconIds: [lexicon.json().id],
      detectors: [],
      action: 'block',
      scope: 'external',
    });
    expect(rule.statusCode, rule.body).toBe(200);
    const refused = await call(seller, 'POST', '/api/v1/customer-posts', { kind: 'member', text: '本产品保证收益' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({
      code: 'content_blocked',
      details: { rule: { name: '禁止承诺收益' }, found: ['保证收益'] },
    });
    const [latest] = await feed(wang);
    const comment = await call(wang.headers, 'POST', `/api/v1/guest/posts/${latest?.id}/comments`, {
      text: '你们保证收益吗',
    });
    expect(comment.statusCode).toBe(422);
    expect(comment.json().error.message).toContain('禁止承诺收益');
  });

  it('holds posts for review when the org asks, tells reviewers and the author, and publishes on approval', async () => {
    expect((await call(seller, 'PUT', '/api/v1/customer-posts/settings', { reviewRequired: true })).statusCode).toBe(
      403,
    );
    const on = await call(admin, 'PUT', '/api/v1/customer-posts/settings', { reviewRequired: true });
    expect(on.json()).toEqual({ reviewRequired: true, canChange: true });
    const first = await post(seller, { kind: 'member', text: '限时优惠', tagsAll: [tags.VIP] });
    expect(first).toMatchObject({ status: 'pending_review', audienceCount: 0 });
    expect((await feed(wang)).map((p) => p.text)).not.toContain('限时优惠');
    const waiting = await call(admin, 'GET', '/api/v1/customer-posts?status=pending_review');
    expect(waiting.json().items).toMatchObject([{ id: first.id, canReview: true }]);
    const bell = await call(admin, 'GET', '/api/v1/notifications');
    expect(bell.json().items[0]).toMatchObject({ kind: 'post_review_requested', data: { postId: first.id } });

    expect((await call(seller, 'POST', `/api/v1/customer-posts/${first.id}/approve`)).statusCode).toBe(403);
    const approved = await call(admin, 'POST', `/api/v1/customer-posts/${first.id}/approve`);
    expect(approved.json()).toMatchObject({ status: 'published', audienceCount: 2, reviewer: { name: '王老板' } });
    expect((await call(admin, 'POST', `/api/v1/customer-posts/${first.id}/approve`)).statusCode).toBe(409);
    expect((await feed(wang))[0]?.text).toBe('限时优惠');

    const second = await post(seller, { kind: 'member', text: '再来一条' });
    const noReason = await call(admin, 'POST', `/api/v1/customer-posts/${second.id}/reject`, { reason: '' });
    expect(noReason.statusCode).toBe(400);
    const rejected = await call(admin, 'POST', `/api/v1/customer-posts/${second.id}/reject`, { reason: '内容重复' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', reviewReason: '内容重复' });
    const told = await call(seller, 'GET', '/api/v1/notifications');
    expect(told.json().items.slice(0, 2)).toMatchObject([
      { kind: 'post_reviewed', data: { postId: second.id, outcome: 'rejected', reason: '内容重复' } },
      { kind: 'post_reviewed', data: { postId: first.id, outcome: 'approved' } },
    ]);
    const actions = await server.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('org_id', '=', org.orgId)
      .where('target_id', 'in', [first.id, second.id])
      .orderBy('at')
      .execute();
    expect(actions.map((a) => a.action).sort()).toEqual(
      ['customer_post.approved', 'customer_post.rejected', 'customer_post.submitted', 'customer_post.submitted'].sort(),
    );
    await call(admin, 'PUT', '/api/v1/customer-posts/settings', { reviewRequired: false });
  });

  it('takes a deleted post off every customer’s page, and lets only those who see it delete it', async () => {
    const { id } = await post(seller, { kind: 'member', text: '即将删除', tagsAll: [tags.VIP] });
    expect((await feed(wang)).map((p) => p.id)).toContain(id);
    expect((await call(colleague, 'DELETE', `/api/v1/customer-posts/${id}`)).statusCode).toBe(404);
    expect((await call(seller, 'DELETE', `/api/v1/customer-posts/${id}`)).statusCode).toBe(200);
    expect((await feed(wang)).map((p) => p.id)).not.toContain(id);
    expect((await call(wang.headers, 'PUT', `/api/v1/guest/posts/${id}/like`)).statusCode).toBe(404);
    expect((await call(seller, 'GET', `/api/v1/customer-posts/${id}`)).statusCode).toBe(404);
  });

  it('shows a post’s images to the customers it reached and to no one else', async () => {
    const upload = multipartFile(TINY_PNG, '新品.png', 'image/png');
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/customer-posts/images',
      headers: { ...seller, ...upload.headers },
      payload: upload.payload,
    });
    expect(res.statusCode, res.body).toBe(200);
    const imageId = res.json().id as string;
    const text = multipartFile('not an image', 'a.txt', 'text/plain');
    const notImage = await server.app.inject({
      method: 'POST',
      url: '/api/v1/customer-posts/images',
      headers: { ...seller, ...text.headers },
      payload: text.payload,
    });
    expect(notImage.json().error).toMatchObject({ details: { reason: 'not_image' } });
    const created = await post(seller, { kind: 'member', text: '', imageIds: [imageId], tagsAll: [tags.VIP] });
    expect((await feed(wang))[0]?.imageIds).toEqual([imageId]);
    const seen = await call(wang.headers, 'GET', `/api/v1/guest/post-images/${imageId}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.headers['content-type']).toBe('image/png');
    expect((await call(li.headers, 'GET', `/api/v1/guest/post-images/${imageId}`)).statusCode).toBe(404);
    expect((await call(outsider.headers, 'GET', `/api/v1/guest/post-images/${imageId}`)).statusCode).toBe(404);
    expect((await call(colleague, 'GET', `/api/v1/customer-posts/images/${imageId}`)).statusCode).toBe(404);
    expect((await call(admin, 'GET', `/api/v1/customer-posts/images/${imageId}`)).statusCode).toBe(200);
    // An image goes in one post only.
    const reused = await call(seller, 'POST', '/api/v1/customer-posts', {
      kind: 'member',
      text: '再发',
      imageIds: [imageId],
    });
    expect(reused.json().error).toMatchObject({ code: 'invalid', details: { reason: 'unknown_image' } });
    expect(created.audienceCount).toBe(2);
  });

  it('pages a customer’s feed newest first, and lists each colleague only the posts they may see', async () => {
    const all = (await feed(wang)).map((p) => p.id);
    const first = await call(wang.headers, 'GET', '/api/v1/guest/posts?limit=1');
    expect(first.json().items.map((p: { id: string }) => p.id)).toEqual(all.slice(0, 1));
    const second = await call(wang.headers, 'GET', `/api/v1/guest/posts?limit=1&cursor=${first.json().nextCursor}`);
    expect(second.json().items.map((p: { id: string }) => p.id)).toEqual(all.slice(1, 2));
    const authors = async (who: Headers) =>
      new Set(
        (await call(who, 'GET', '/api/v1/customer-posts?limit=100'))
          .json()
          .items.map((p: { author: { name: string } }) => p.author.name),
      );
    expect(await authors(colleague)).toEqual(new Set());
    expect(await authors(seller)).toEqual(new Set(['销售小王']));
    expect(await authors(admin)).toEqual(new Set(['销售小王', '王老板']));
    const bad = await call(seller, 'GET', '/api/v1/customer-posts?cursor=nonsense');
    expect(bad.json().error).toMatchObject({ code: 'invalid', details: { field: 'cursor' } });
  });

  it('refuses bad input with a stable code and writes nothing', async () => {
    const before = await server.ctx.db.selectFrom('customer_posts').select('id').execute();
    const cases: [object, string][] = [
      [{ kind: 'member', text: '' }, 'empty'],
      [{ kind: 'member', text: '你好', tagsAll: ['00000000-0000-4000-8000-000000000000'] }, 'unknown_tag'],
      [{ kind: 'member', text: '你好', imageIds: ['00000000-0000-4000-8000-000000000000'] }, 'unknown_image'],
    ];
    for (const [body, reason] of cases) {
      const res = await call(seller, 'POST', '/api/v1/customer-posts', body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'invalid', details: { reason } });
    }
    for (const body of [
      { kind: 'member', text: '你好', link: { url: 'javascript:alert(1)' } },
      {
        kind: 'member',
        text: '你好',
        imageIds: Array.from({ length: 10 }, (_, i) => `00000000-0000-4000-8000-00000000000${i}`),
      },
      { kind: 'friends', text: '你好' },
      { kind: 'member', text: '你好', extra: 1 },
    ]) {
      const res = await call(seller, 'POST', '/api/v1/customer-posts', body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('invalid');
    }
    expect(await server.ctx.db.selectFrom('customer_posts').select('id').execute()).toHaveLength(before.length);
  });

  it('lists the customer groups the customer joined under the same email, and none for another customer', async () => {
    expect((await call(wang.headers, 'GET', '/api/v1/guest/customer-groups')).json()).toEqual({ items: [] });
    const group = await createGroup(
      server,
      { id: sellerId, name: '销售小王', headers: seller },
      { kind: 'external', name: '打印机用户群', memberIds: [] },
    );
    const flagged = await call(seller, 'PUT', `/api/v1/conversations/${group.id}/customer-group`, { enabled: true });
    expect(flagged.statusCode, flagged.body).toBe(200);
    const guestId = await makeGuest(server.ctx, org, group.id, '王女士');
    await server.ctx.db
      .updateTable('guest_identities')
      .set({ email: 'wang@example.test' })
      .where('member_id', '=', guestId)
      .execute();
    expect((await call(wang.headers, 'GET', '/api/v1/guest/customer-groups')).json()).toEqual({
      items: [{ id: group.id, name: '打印机用户群', owner: { id: sellerId, name: '销售小王' }, memberCount: 2 }],
    });
    expect((await call(li.headers, 'GET', '/api/v1/guest/customer-groups')).json()).toEqual({ items: [] });
    // The same address in another org sees nothing of this org's groups.
    expect((await call(outsider.headers, 'GET', '/api/v1/guest/customer-groups')).json()).toEqual({ items: [] });
  });

  it('lets a customer delete their own comment with its answers, and a colleague who sees the post take any down, audited', async () => {
    const id = (await feed(wang)).find((p) => p.text === '公司周年庆')?.id ?? '';
    const mine = await call(wang.headers, 'POST', `/api/v1/guest/posts/${id}/comments`, { text: '想删掉的评论' });
    const mineId = (mine.json() as GuestPostJson).comments.find((c) => c.text === '想删掉的评论')?.id ?? '';
    const theirs = await call(li.headers, 'POST', `/api/v1/guest/posts/${id}/comments`, { text: '李总的评论' });
    const theirsId = (theirs.json() as GuestPostJson).comments.find((c) => c.text === '李总的评论')?.id ?? '';
    await call(admin, 'POST', `/api/v1/customer-posts/${id}/comments`, { text: '收到', replyToId: mineId });
    const url = (commentId: string) => `/api/v1/guest/posts/${id}/comments/${commentId}`;

    // Not another customer's comment, nor a malformed id.
    expect((await call(wang.headers, 'DELETE', url(theirsId))).statusCode).toBe(404);
    expect((await call(wang.headers, 'DELETE', url('not-an-id'))).statusCode).toBe(400);
    const gone = await call(wang.headers, 'DELETE', url(mineId));
    expect(gone.statusCode, gone.body).toBe(200);
    const texts = (gone.json() as GuestPostJson).comments.map((c) => c.text);
    expect(texts).not.toContain('想删掉的评论');
    expect(texts).not.toContain('收到');
    expect((await call(wang.headers, 'DELETE', url(mineId))).statusCode).toBe(404);
    const rows = await server.ctx.db
      .selectFrom('customer_post_comments')
      .select(['body', 'deleted_at'])
      .where('post_id', '=', id)
      .where('body', 'in', ['想删掉的评论', '收到'])
      .execute();
    expect(rows.map((r) => r.deleted_at !== null)).toEqual([true, true]);

    // A colleague who does not see the org post cannot; its admin can, and it is audited.
    const memberUrl = `/api/v1/customer-posts/${id}/comments/${theirsId}`;
    expect((await call(colleague, 'DELETE', memberUrl)).statusCode).toBe(404);
    expect((await call(outsiderAdmin, 'DELETE', memberUrl)).statusCode).toBe(404);
    const takenDown = await call(admin, 'DELETE', memberUrl);
    expect(takenDown.statusCode, takenDown.body).toBe(200);
    expect(takenDown.json().comments.map((c: { text: string }) => c.text)).not.toContain('李总的评论');
    expect((await feed(li)).find((p) => p.id === id)?.comments).toEqual([]);
    const audit = await server.ctx.db
      .selectFrom('audit_log')
      .select(['actor_id', 'before'])
      .where('org_id', '=', org.orgId)
      .where('action', '=', 'customer_post.comment_deleted')
      .executeTakeFirstOrThrow();
    expect(audit.actor_id).toBe(org.ownerId);
    expect(JSON.parse(audit.before ?? '{}')).toMatchObject({
      text: '李总的评论',
      author: '李总',
      authorKind: 'customer',
    });
  });
});
