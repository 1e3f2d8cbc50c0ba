import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCustomer, caller, type Headers } from '../../../test/customer-fixtures.js';
import { makeMember, makeOrg, sessionFor, type TestOrg } from '../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { multipartFile, TINY_PNG } from '../../../test/multipart.js';
import { STORE_KINDS } from '../../../test/stores.js';

type FileJson = { id: string; kind: string; name: string; size: number; mime: string };

describe.each(STORE_KINDS)('files on customer follow-ups on %s', (kind) => {
  let server: TestServer;
  let org: TestOrg;
  let call: ReturnType<typeof caller>;
  let seller: Headers;
  let other: Headers;
  let admin: Headers;

  async function upload(headers: Headers, customerId: string, content: Buffer | string, name: string) {
    const { payload, headers: multipart } = multipartFile(content, name);
    return server.app.inject({
      method: 'POST',
      url: `/api/v1/customers/${customerId}/follow-up-files`,
      headers: { ...headers, ...multipart },
      payload,
    });
  }

  beforeAll(async () => {
    server = await startTestServer(kind, { attachmentLimitBytes: 1024 });
    call = caller(server);
    org = await makeOrg(server.ctx, '附件公司');
    const sellerId = (await makeMember(server.ctx, org, { departmentId: org.rootDepartmentId, name: '销售' })).id;
    seller = await sessionFor(server.ctx, org.orgId, sellerId);
    const otherId = (await makeMember(server.ctx, org, { departmentId: org.rootDepartmentId, name: '旁人' })).id;
    other = await sessionFor(server.ctx, org.orgId, otherId);
    admin = await sessionFor(server.ctx, org.orgId, org.ownerId);
  });
  afterAll(() => server.close());

  it('attaches a quotation and a photo to a follow-up, lists them with it, and opens them for who sees the customer', async () => {
    const customer = await addCustomer(server, seller, { name: '附件客户' });
    const quote = await upload(seller, customer.id, '报价单：打印机 5 台', '报价单.txt');
    expect(quote.statusCode, quote.body).toBe(200);
    const photo = await upload(seller, customer.id, TINY_PNG, '现场.png');
    expect(photo.json()).toMatchObject({ kind: 'image', mime: 'image/png', name: '现场.png' });
    // Not yet attached: only the uploader may open it.
    expect((await call(admin, 'GET', `/api/v1/follow-up-files/${quote.json().id}`)).statusCode).toBe(404);

    const added = await call(seller, 'POST', `/api/v1/customers/${customer.id}/follow-ups`, {
      kind: 'visit',
      content: '上门送报价',
      fileIds: [quote.json().id, photo.json().id],
    });
    expect(added.statusCode, added.body).toBe(201);
    const files = added.json().files as FileJson[];
    expect(files.map((f) => [f.name, f.kind])).toEqual([
      ['报价单.txt', 'file'],
      ['现场.png', 'image'],
    ]);
    const listed = await call(admin, 'GET', `/api/v1/customers/${customer.id}/follow-ups`);
    expect(listed.json().items[0].files).toEqual(files);

    const opened = await call(admin, 'GET', `/api/v1/follow-up-files/${quote.json().id}`);
    expect(opened.statusCode).toBe(200);
    expect(opened.body).toBe('报价单：打印机 5 台');
    expect(opened.headers['content-disposition']).toContain("filename*=UTF-8''%E6%8A%A5%E4%BB%B7%E5%8D%95.txt");
    expect(opened.headers['content-type']).toBe('application/octet-stream');
    const image = await call(seller, 'GET', `/api/v1/follow-up-files/${photo.json().id}`);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.headers['content-disposition']).toMatch(/^inline/);

    // A colleague who does not see the customer can neither upload for it nor open its files.
    expect((await upload(other, customer.id, 'x', 'x.txt')).statusCode).toBe(404);
    expect((await call(other, 'GET', `/api/v1/follow-up-files/${quote.json().id}`)).statusCode).toBe(404);
    const stranger = await makeOrg(server.ctx, '别家');
    const strangerAdmin = await sessionFor(server.ctx, stranger.orgId, stranger.ownerId);
    expect((await call(strangerAdmin, 'GET', `/api/v1/follow-up-files/${quote.json().id}`)).statusCode).toBe(404);
  });

  it('refuses a file attached twice, another customer’s file, an empty or too large file — and keeps nothing', async () => {
    const first = await addCustomer(server, seller, { name: '客户一' });
    const second = await addCustomer(server, seller, { name: '客户二' });
    const file = (await upload(seller, first.id, '合同草稿', '合同.txt')).json() as FileJson;
    const elsewhere = await call(seller, 'POST', `/api/v1/customers/${second.id}/follow-ups`, {
      kind: 'note',
      content: '用错了附件',
      fileIds: [file.id],
    });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().error.details).toMatchObject({ field: 'fileIds', reason: 'file_unavailable' });
    // Nothing was written for the refused follow-up.
    expect((await call(seller, 'GET', `/api/v1/customers/${second.id}/follow-ups`)).json().items).toEqual([]);

    const once = await call(seller, 'POST', `/api/v1/customers/${first.id}/follow-ups`, {
      kind: 'note',
      content: '附合同',
      fileIds: [file.id],
    });
    expect(once.statusCode, once.body).toBe(201);
    const twice = await call(seller, 'POST', `/api/v1/customers/${first.id}/follow-ups`, {
      kind: 'note',
      content: '再附一次',
      fileIds: [file.id],
    });
    expect(twice.statusCode).toBe(400);

    const empty = await upload(seller, first.id, '', '空.txt');
    expect(empty.statusCode).toBe(400);
    const big = await upload(seller, first.id, Buffer.alloc(2048, 1), '大.bin');
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('payload_too_large');
    const kept = await server.ctx.db
      .selectFrom('customer_follow_up_files')
      .select('name')
      .where('customer_id', '=', first.id)
      .execute();
    expect(kept.map((k) => k.name)).toEqual(['合同.txt']);
  });
});
