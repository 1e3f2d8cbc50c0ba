import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCustomer, caller, type Headers } from '../../../../test/customer-fixtures.js';
import { makeMember, makeOrg, sessionFor, type TestOrg } from '../../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../../test/harness.js';
import { makeConversation, makeGuest } from '../../../../test/messaging-factories.js';
import { STORE_KINDS } from '../../../../test/stores.js';

const DAY = 86_400_000;

describe.each(STORE_KINDS)('customer groups following an on-the-job transfer on %s', (kind) => {
  let server: TestServer;
  let org: TestOrg;
  let call: ReturnType<typeof caller>;
  const ids = { a: '', b: '', other: '', sup: '' };
  let sellerA: Headers;
  let supervisor: Headers;

  /** An external group flagged as a customer group, with a guest who joined by this email. */
  async function customerGroup(ownerId: string, name: string, guestEmail: string | null) {
    const id = await makeConversation(server.ctx, {
      orgId: org.orgId,
      name,
      members: [{ id: ownerId, role: 'owner' }],
    });
    await server.ctx.db.updateTable('conversations').set({ kind: 'external' }).where('id', '=', id).execute();
    if (guestEmail) {
      const guest = await makeGuest(server.ctx, org, id, '李女士');
      await server.ctx.db
        .updateTable('guest_identities')
        .set({ email: guestEmail })
        .where('member_id', '=', guest)
        .execute();
    }
    const owner = await sessionFor(server.ctx, org.orgId, ownerId);
    const flagged = await call(owner, 'PUT', `/api/v1/conversations/${id}/customer-group`, { enabled: true });
    expect(flagged.statusCode, flagged.body).toBe(200);
    return id;
  }

  const membersOf = async (conversationId: string) => {
    const rows = await server.ctx.db
      .selectFrom('conversation_members')
      .select(['member_id', 'role'])
      .where('conversation_id', '=', conversationId)
      .where('role', '!=', 'member')
      .execute();
    const owner = await server.ctx.db
      .selectFrom('conversations')
      .select('owner_id')
      .where('id', '=', conversationId)
      .executeTakeFirstOrThrow();
    const plain = await server.ctx.db
      .selectFrom('conversation_members')
      .select('member_id')
      .where('conversation_id', '=', conversationId)
      .where('role', '=', 'member')
      .execute();
    return { owner: owner.owner_id, managers: rows, plain: plain.map((r) => r.member_id) };
  };

  beforeAll(async () => {
    server = await startTestServer(kind);
    call = caller(server);
    org = await makeOrg(server.ctx, '群继承公司');
    const dept = org.rootDepartmentId;
    ids.a = (await makeMember(server.ctx, org, { departmentId: dept, name: '销售甲' })).id;
    ids.b = (await makeMember(server.ctx, org, { departmentId: dept, name: '销售乙' })).id;
    ids.other = (await makeMember(server.ctx, org, { departmentId: dept, name: '销售丙' })).id;
    ids.sup = (await makeMember(server.ctx, org, { departmentId: dept, name: '主管', roles: ['supervisor'] })).id;
    sellerA = await sessionFor(server.ctx, org.orgId, ids.a);
    supervisor = await sessionFor(server.ctx, org.orgId, ids.sup);
  });
  afterAll(() => server.close());

  it('hands the former owner’s customer groups with the customer in them to the receiver, and only those', async () => {
    const customer = await addCustomer(server, sellerA, { name: '李女士', email: 'li@example.test' });
    const withCustomer = await customerGroup(ids.a, '李女士的采购群', 'LI@Example.test');
    const withoutCustomer = await customerGroup(ids.a, '其他客户群', 'someone@example.test');
    const notTheirs = await customerGroup(ids.other, '丙的客户群', 'li@example.test');

    const res = await call(supervisor, 'POST', '/api/v1/customers/transfer', {
      customerIds: [customer.id],
      toMemberId: ids.b,
    });
    expect(res.statusCode, res.body).toBe(200);
    // While the customer may still decline, the group stays with its owner.
    server.clock.advance(DAY - 1000);
    await server.runtime.worker.runDue();
    expect((await membersOf(withCustomer)).owner).toBe(ids.a);

    server.clock.advance(1000);
    await server.runtime.worker.runDue();
    await server.ctx.bus.drain();
    const moved = await membersOf(withCustomer);
    expect(moved.owner).toBe(ids.b);
    expect(moved.managers).toEqual([{ member_id: ids.b, role: 'owner' }]);
    expect(moved.plain).toContain(ids.a);
    expect((await membersOf(withoutCustomer)).owner).toBe(ids.a);
    expect((await membersOf(notTheirs)).owner).toBe(ids.other);

    const audit = await server.ctx.db
      .selectFrom('audit_log')
      .select(['target_id', 'after'])
      .where('org_id', '=', org.orgId)
      .where('action', '=', 'conversation.owner_transferred')
      .execute();
    expect(audit.map((a) => [a.target_id, JSON.parse(a.after ?? '{}').reason])).toEqual([
      [withCustomer, 'customer_transfer'],
    ]);
    // The group's members see who runs it now.
    const events = await server.ctx.db
      .selectFrom('conversation_events')
      .select('type')
      .where('conversation_id', '=', withCustomer)
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.type).slice(-2)).toEqual([
      'conversation.member_added',
      'conversation.owner_transferred',
    ]);
  });
});
