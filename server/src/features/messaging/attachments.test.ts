/** Images and files in messages: upload, send, download, limits and who may see them. */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMember, makeOrg, sessionFor, type TestOrg } from '../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { makeConversation } from '../../../test/messaging-factories.js';
import { multipartFile, TINY_PNG } from '../../../test/multipart.js';
import { STORE_KINDS } from '../../../test/stores.js';

type Headers = { authorization: string };
type Attachment = { id: string; kind: string; name: string; size: number; mime: string; sha256: string };

const LIMIT = 4096;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe.each(STORE_KINDS)('attachments on %s', (kind) => {
  let server: TestServer;
  let dataDir: string;
  let org: TestOrg;
  let alice: { id: string; h: Headers };
  let bob: { id: string; h: Headers };
  let outsider: Headers;
  let otherOrg: Headers;
  let group: string;
  let otherGroup: string;
  let counter = 0;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'concord-attachments-'));
    server = await startTestServer(kind, { dataDir, attachmentLimitBytes: LIMIT });
    const { ctx } = server;
    org = await makeOrg(ctx);
    const person = async (name: string) => {
      const m = await makeMember(ctx, org, { departmentId: org.rootDepartmentId, name });
      return { id: m.id, h: await sessionFor(ctx, org.orgId, m.id) };
    };
    alice = await person('张三');
    bob = await person('李四');
    outsider = (await person('局外人')).h;
    const org2 = await makeOrg(ctx, '乙公司');
    otherOrg = await sessionFor(ctx, org2.orgId, org2.ownerId);
    const members = [
      { id: org.ownerId, role: 'owner' as const },
      { id: alice.id, role: 'member' as const },
      { id: bob.id, role: 'member' as const },
    ];
    group = await makeConversation(ctx, { orgId: org.orgId, members });
    otherGroup = await makeConversation(ctx, { orgId: org.orgId, members });
  });
  afterAll(async () => {
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const upload = (h: Headers, conversationId: string, content: Buffer | string, name: string, type?: string) => {
    const form = multipartFile(content, name, type);
    return server.app.inject({
      method: 'POST',
      url: `/api/v1/conversations/${conversationId}/attachments`,
      headers: { ...h, ...form.headers },
      payload: form.payload,
    });
  };
  const uploadOk = async (h: Headers, content: Buffer | string, name: string, type?: string) => {
    const res = await upload(h, group, content, name, type);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Attachment;
  };
  const download = (h: Headers, id: string, query = '') =>
    server.app.inject({ method: 'GET', url: `/api/v1/attachments/${id}${query}`, headers: h });
  const send = (h: Headers, conversationId: string, payload: Record<string, unknown>) =>
    server.app.inject({
      method: 'POST',
      url: `/api/v1/conversations/${conversationId}/messages`,
      headers: h,
      payload: { clientMsgId: `a-${counter++}`, ...payload },
    });
  const attachmentRows = async () =>
    server.ctx.db.selectFrom('attachments').select('id').where('org_id', '=', org.orgId).execute();

  it('takes a PNG as an image and shows it inline with its sniffed type', async () => {
    const att = await uploadOk(alice.h, TINY_PNG, 'photo.bin', 'application/octet-stream');
    expect(att).toMatchObject({ kind: 'image', mime: 'image/png', name: 'photo.bin', size: TINY_PNG.length });
    expect(att.sha256).toBe(sha(TINY_PNG));

    const res = await download(bob.h, att.id);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(TINY_PNG)).toBe(true);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['content-disposition']).toMatch(/^inline; /);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toMatch(/^private, max-age=\d+$/);

    const forced = await download(bob.h, att.id, '?download=1');
    expect(forced.headers['content-disposition']).toMatch(/^attachment; /);
  });

  it('keeps a Chinese file name and returns the identical bytes as a download', async () => {
    const content = Buffer.from('报价单\n单价：¥1,200\n', 'utf8');
    const att = await uploadOk(alice.h, content, '报价单.txt', 'text/plain');
    expect(att).toMatchObject({ kind: 'file', name: '报价单.txt', size: content.length, mime: 'text/plain' });

    const res = await download(bob.h, att.id);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(content)).toBe(true);
    expect(res.headers['content-type']).toBe('application/octet-stream');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="___.txt"; filename*=UTF-8''%E6%8A%A5%E4%BB%B7%E5%8D%95.txt`,
    );
    const name = /filename\*=UTF-8''(.+)$/.exec(String(res.headers['content-disposition']))?.[1] ?? '';
    expect(decodeURIComponent(name)).toBe('报价单.txt');
  });

  it('treats a file that only claims to be an image as a file', async () => {
    const att = await uploadOk(alice.h, '<script>alert(1)</script>', 'fake.png', 'image/png');
    expect(att).toMatchObject({ kind: 'file', mime: 'application/octet-stream' });
    const res = await download(bob.h, att.id);
    expect(res.headers['content-type']).toBe('application/octet-stream');
    expect(res.headers['content-disposition']).toMatch(/^attachment; /);
  });

  it('refuses a file over the limit with 413 and keeps neither blob nor row', async () => {
    const before = await attachmentRows();
    const blobDirsBefore = (await readdir(join(dataDir, 'files'))).sort();
    const big = Buffer.alloc(LIMIT + 1, 0x41);
    const res = await upload(alice.h, group, big, 'big.txt');
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
    expect(await attachmentRows()).toHaveLength(before.length);
    expect((await readdir(join(dataDir, 'files'))).sort()).toEqual(blobDirsBefore);
    expect(await readdir(join(dataDir, 'files', 'tmp'))).toEqual([]);
    const hash = sha(big);
    expect(await readdir(join(dataDir, 'files', hash.slice(0, 2))).catch(() => [])).not.toContain(hash);

    // Exactly the limit is fine.
    const exact = await upload(alice.h, group, Buffer.alloc(LIMIT, 0x42), 'exact.txt');
    expect(exact.statusCode, exact.body).toBe(200);
  });

  it('answers 404 to non-members and to another org, for upload and download', async () => {
    const att = await uploadOk(alice.h, 'secret', 'secret.txt');
    const rows = (await attachmentRows()).length;
    for (const h of [outsider, otherOrg]) {
      expect((await upload(h, group, 'x', 'x.txt')).statusCode).toBe(404);
      expect((await download(h, att.id)).statusCode).toBe(404);
    }
    expect(await attachmentRows()).toHaveLength(rows);
  });

  it('sends an image message whose message and event carry the attachment and its hash', async () => {
    const att = await uploadOk(alice.h, TINY_PNG, '截图.png', 'image/png');
    const res = await send(alice.h, group, { kind: 'image', attachmentId: att.id });
    expect(res.statusCode, res.body).toBe(200);
    const msg = res.json() as { id: string; kind: string; body: string; attachment: Attachment };
    expect(msg).toMatchObject({ kind: 'image', body: '', attachment: att });

    const event = await server.ctx.db
      .selectFrom('conversation_events')
      .select('payload')
      .where('message_id', '=', msg.id)
      .where('type', '=', 'message.created')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(event.payload).attachment.sha256).toBe(sha(TINY_PNG));

    const list = await server.app.inject({
      method: 'GET',
      url: `/api/v1/conversations/${group}/messages`,
      headers: bob.h,
    });
    const listed = (list.json() as { items: { id: string; attachment: Attachment | null }[] }).items;
    expect(listed.find((m) => m.id === msg.id)?.attachment).toEqual(att);
  });

  it('sends a file with a caption, once: the same attachment again is a conflict, a retry is not', async () => {
    const att = await uploadOk(alice.h, '合同内容', '合同.txt', 'text/plain');
    const payload = { clientMsgId: `file-${kind}`, kind: 'file', attachmentId: att.id, body: '请查收合同' };
    const first = await send(alice.h, group, payload);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ kind: 'file', body: '请查收合同', attachment: { id: att.id } });

    const retry = await send(alice.h, group, payload);
    expect(retry.statusCode).toBe(200);
    expect(retry.json().id).toBe(first.json().id);

    const again = await send(alice.h, group, { kind: 'file', attachmentId: att.id });
    expect(again.statusCode).toBe(409);
  });

  it('refuses an attachment of another conversation or another uploader, and a mismatched kind', async () => {
    const att = await uploadOk(alice.h, TINY_PNG, 'a.png');
    expect((await send(alice.h, otherGroup, { kind: 'image', attachmentId: att.id })).statusCode).toBe(404);
    expect((await send(bob.h, group, { kind: 'image', attachmentId: att.id })).statusCode).toBe(404);
    expect((await send(alice.h, group, { kind: 'file', attachmentId: att.id })).statusCode).toBe(400);
    expect((await send(alice.h, group, { body: 'hi', attachmentId: att.id })).statusCode).toBe(400);
    expect((await send(alice.h, group, { kind: 'image' })).statusCode).toBe(400);
    // Still unused: it can be sent properly.
    expect((await send(alice.h, group, { kind: 'image', attachmentId: att.id })).statusCode).toBe(200);
  });

  it('hides a recalled message’s attachment from members but keeps it stored', async () => {
    const content = Buffer.from('撤回的文件');
    const att = await uploadOk(alice.h, content, '撤回.txt');
    const sent = await send(alice.h, group, { kind: 'file', attachmentId: att.id });
    const msgId = (sent.json() as { id: string }).id;
    const recall = await server.app.inject({
      method: 'POST',
      url: `/api/v1/messages/${msgId}/recall`,
      headers: alice.h,
    });
    expect(recall.statusCode, recall.body).toBe(200);
    expect(recall.json().attachment).toBeNull();
    expect((await download(bob.h, att.id)).statusCode).toBe(404);
    expect((await download(alice.h, att.id)).statusCode).toBe(404);
    const row = await server.ctx.db
      .selectFrom('messages')
      .select('attachment')
      .where('id', '=', msgId)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.attachment ?? '{}').sha256).toBe(att.sha256);
    expect(await readdir(join(dataDir, 'files', att.sha256.slice(0, 2)))).toContain(att.sha256);
  });

  it('refuses an upload that is not multipart, or in another field', async () => {
    const json = await server.app.inject({
      method: 'POST',
      url: `/api/v1/conversations/${group}/attachments`,
      headers: alice.h,
      payload: {},
    });
    expect(json.statusCode).toBe(400);
    const form = multipartFile('x', 'x.txt', 'text/plain', 'other');
    const wrong = await server.app.inject({
      method: 'POST',
      url: `/api/v1/conversations/${group}/attachments`,
      headers: { ...alice.h, ...form.headers },
      payload: form.payload,
    });
    expect(wrong.statusCode).toBe(400);
  });
});
