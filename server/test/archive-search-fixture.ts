/**
 * An org for archive search tests: two regions (华东区 with a seller, 华南区 with a colleague), the
 * archive on for everyone, a group with Chinese, English and mixed messages sent through the API
 * (one edited, one recalled, one with a file), an external group with a guest, and auditors: one
 * with archive.view for 华东区 only, one with archive.view but not data.export.
 */
import type { DataScope, Permission } from '@concord/protocol';
import type { LightMyRequestResponse } from 'fastify';
import { acceptedArchiveNotice } from './archive-consent-fixture.js';
import { createGroup, type Person, person } from './conversation-fixtures.js';
import { makeDepartment, makeMember, makeOrg, sessionFor, type TestOrg } from './factories.js';
import type { TestServer } from './harness.js';
import { makeConversation, makeGuest } from './messaging-factories.js';
import { multipartFile } from './multipart.js';

type Headers = { authorization: string };
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type SearchWorld = {
  org: TestOrg;
  admin: Headers;
  seller: Person;
  colleague: Person;
  /** archive.view over 华东区 and below (with data.export). */
  eastAuditor: Headers;
  /** archive.view over the whole org, without data.export. */
  viewer: Headers;
  groupId: string;
  externalId: string;
  guestId: string;
  guestEmail: string;
  /** Message ids by their first words. */
  messages: Record<string, string>;
  call(headers: Headers, method: Method, url: string, payload?: object): Promise<LightMyRequestResponse>;
};

async function roleWith(server: TestServer, org: TestOrg, name: string, scope: DataScope, permissions: Permission[]) {
  const id = server.ctx.ids.next();
  const now = server.clock.now().toISOString();
  await server.ctx.db
    .insertInto('roles')
    .values({
      id,
      org_id: org.orgId,
      builtin_key: null,
      name,
      description: '',
      data_scope: scope,
      require_totp: 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await server.ctx.db
    .insertInto('role_permissions')
    .values(permissions.map((permission) => ({ org_id: org.orgId, role_id: id, permission })))
    .execute();
  return id;
}

export async function buildSearchWorld(server: TestServer): Promise<SearchWorld> {
  const { ctx } = server;
  const call: SearchWorld['call'] = async (headers, method, url, payload) => {
    const res = await server.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
    await ctx.bus.drain();
    return res;
  };
  const org = await makeOrg(ctx);
  const east = await makeDepartment(ctx, org.orgId, org.rootDepartmentId, '华东区');
  const eastStore = await makeDepartment(ctx, org.orgId, east, '上海店');
  const south = await makeDepartment(ctx, org.orgId, org.rootDepartmentId, '华南区');
  const seller = await person(ctx, org, '销售小王', eastStore);
  const colleague = await person(ctx, org, '同事小李', south);
  const admin = await sessionFor(ctx, org.orgId, org.ownerId);
  const eastRole = await roleWith(server, org, '华东审计', 'department_tree', ['archive.view', 'data.export']);
  const eastMember = await makeMember(ctx, org, { departmentId: east, name: '华东审计员', roleIds: [eastRole] });
  const viewRole = await roleWith(server, org, '只读审计', 'org', ['archive.view']);
  const viewMember = await makeMember(ctx, org, { departmentId: south, name: '只读审计员', roleIds: [viewRole] });

  await acceptedArchiveNotice(ctx, org.orgId, [seller.id, colleague.id]);
  const on = await call(admin, 'PUT', '/api/v1/archive/settings', { enabled: true, scope: 'all' });
  if (on.statusCode !== 200) throw new Error(on.body);
  server.clock.advance(60_000);

  const group = await createGroup(server, seller, { name: '客户跟进群', memberIds: [colleague.id] });
  const messages: Record<string, string> = {};
  let n = 0;
  const send = async (who: Person, conversationId: string, body: string, extra: object = {}) => {
    server.clock.advance(60_000);
    const res = await call(who.headers, 'POST', `/api/v1/conversations/${conversationId}/messages`, {
      clientMsgId: `m${n++}`,
      body,
      ...extra,
    });
    if (res.statusCode !== 200) throw new Error(res.body);
    messages[body.slice(0, 4)] = (res.json() as { id: string }).id;
    return messages[body.slice(0, 4)] as string;
  };
  const meeting = await send(seller, group.id, '明天上午十点和客户开会，请准备报价单');
  await send(colleague, group.id, '新款iPhone15报价：5999元');
  await send(seller, group.id, 'The customer wants a discount on the Pro model');
  await send(colleague, group.id, '好的');
  const wrong = await send(colleague, group.id, '发错群了，马上撤回');
  server.clock.advance(60_000);
  await call(seller.headers, 'PATCH', `/api/v1/messages/${meeting}`, { body: '明天下午三点和客户开会' });
  await call(colleague.headers, 'POST', `/api/v1/messages/${wrong}/recall`);
  const upload = multipartFile('报价明细', '年度报价单.xlsx', 'application/vnd.ms-excel');
  const attached = await server.app.inject({
    method: 'POST',
    url: `/api/v1/conversations/${group.id}/attachments`,
    headers: { ...seller.headers, ...upload.headers },
    payload: upload.payload,
  });
  if (attached.statusCode !== 200) throw new Error(attached.body);
  server.clock.advance(60_000);
  await call(seller.headers, 'POST', `/api/v1/conversations/${group.id}/messages`, {
    clientMsgId: 'file',
    kind: 'file',
    attachmentId: (attached.json() as { id: string }).id,
  });

  // An external group: the seller talks with a customer who joined by email.
  const externalId = await makeConversation(ctx, {
    orgId: org.orgId,
    name: '华东大客户外部群',
    members: [{ id: seller.id, role: 'owner' }],
  });
  await ctx.db.updateTable('conversations').set({ kind: 'external' }).where('id', '=', externalId).execute();
  const guestId = await makeGuest(ctx, org, externalId, '客户赵总');
  const guest = await sessionFor(ctx, org.orgId, guestId);
  const guestEmail = `${guestId}@guest.example.test`;
  await send(seller, externalId, '赵总您好，报价单已发您邮箱');
  await send({ id: guestId, name: '客户赵总', headers: guest }, externalId, '收到，价格还能再优惠吗');

  return {
    org,
    admin,
    seller,
    colleague,
    eastAuditor: await sessionFor(ctx, org.orgId, eastMember.id),
    viewer: await sessionFor(ctx, org.orgId, viewMember.id),
    groupId: group.id,
    externalId,
    guestId,
    guestEmail,
    messages,
    call,
  };
}
