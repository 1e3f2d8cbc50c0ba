/**
 * The invariant of customer assets: after any sequence of on-the-job transfers, declines,
 * expiries, offboardings and plain departures, no live customer is owned by anyone but an
 * active member.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCustomer, caller, type Headers } from '../../../../test/customer-fixtures.js';
import { makeMember, makeOrg, sessionFor, type TestOrg } from '../../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../../test/harness.js';
import { STORE_KINDS } from '../../../../test/stores.js';

const MEMBERS = 5;
const CUSTOMERS = 6;

type Action =
  | { t: 'transfer'; c: number[]; to: number }
  | { t: 'decline'; k: number }
  | { t: 'expire'; hours: number }
  | { t: 'offboard'; m: number; s: number; spread: boolean }
  | { t: 'depart'; m: number; s: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({
    t: fc.constant('transfer' as const),
    c: fc.uniqueArray(fc.nat(CUSTOMERS - 1), { minLength: 1, maxLength: 3 }),
    to: fc.nat(MEMBERS - 1),
  }),
  fc.record({ t: fc.constant('decline' as const), k: fc.nat(20) }),
  fc.record({ t: fc.constant('expire' as const), hours: fc.integer({ min: 1, max: 30 }) }),
  fc.record({
    t: fc.constant('offboard' as const),
    m: fc.nat(MEMBERS - 1),
    s: fc.nat(MEMBERS - 1),
    spread: fc.boolean(),
  }),
  fc.record({ t: fc.constant('depart' as const), m: fc.nat(MEMBERS - 1), s: fc.nat(MEMBERS - 1) }),
);

describe.each(STORE_KINDS)('no customer without an active owner on %s', (kind) => {
  let server: TestServer;
  let call: ReturnType<typeof caller>;
  beforeAll(async () => {
    server = await startTestServer(kind);
    call = caller(server);
  });
  afterAll(() => server.close());

  async function orphans(orgId: string): Promise<string[]> {
    const rows = await server.ctx.db
      .selectFrom('customers as c')
      .innerJoin('members as m', 'm.id', 'c.owner_id')
      .select(['c.name', 'm.status'])
      .where('c.org_id', '=', orgId)
      .where('c.deleted_at', 'is', null)
      .where('m.status', '!=', 'active')
      .execute();
    return rows.map((r) => `${r.name} owned by a ${r.status} member`);
  }

  async function run(actions: Action[]) {
    const org: TestOrg = await makeOrg(server.ctx, '不变式公司');
    let admin: Headers = await sessionFor(server.ctx, org.orgId, org.ownerId);
    const members: string[] = [];
    for (let i = 0; i < MEMBERS; i++) {
      members.push((await makeMember(server.ctx, org, { departmentId: org.rootDepartmentId, name: `成员${i}` })).id);
    }
    const customers: string[] = [];
    for (let i = 0; i < CUSTOMERS; i++) {
      const c = await addCustomer(server, admin, { name: `客户${i}`, ownerId: members[i % MEMBERS] });
      customers.push(c.id);
    }
    const active = async () => {
      const rows = await server.ctx.db
        .selectFrom('members')
        .select('id')
        .where('id', 'in', members)
        .where('status', '=', 'active')
        .execute();
      return members.filter((id) => rows.some((r) => r.id === id));
    };
    for (const a of actions) {
      const live = await active();
      if (a.t === 'transfer') {
        const to = members[a.to] as string;
        await call(admin, 'POST', '/api/v1/customers/transfer', {
          customerIds: a.c.map((i) => customers[i]),
          toMemberId: to,
        });
      } else if (a.t === 'decline') {
        const waiting = (await call(admin, 'GET', '/api/v1/customer-transfers?status=waiting')).json().items as {
          id: string;
        }[];
        const pick = waiting[a.k % Math.max(1, waiting.length)];
        if (pick) await call(admin, 'POST', `/api/v1/customer-transfers/${pick.id}/decline`);
      } else if (a.t === 'expire') {
        server.clock.advance(a.hours * 3_600_000);
        await server.runtime.worker.runDue();
        await server.ctx.bus.drain();
        admin = await sessionFor(server.ctx, org.orgId, org.ownerId);
      } else {
        const leaver = members[a.m] as string;
        const others = live.filter((id) => id !== leaver);
        // Keep at least two active members so there is always someone to hand over to.
        if (!live.includes(leaver) || others.length < 2) continue;
        const successor = others[a.s % others.length] as string;
        if (a.t === 'depart') {
          await call(admin, 'POST', `/api/v1/members/${leaver}/depart`, { successorId: successor });
        } else {
          const body = a.spread ? { spreadOver: others } : { successorId: successor };
          const res = await call(admin, 'POST', `/api/v1/members/${leaver}/offboard`, body);
          expect(res.statusCode, res.body).toBe(200);
        }
      }
      expect(await orphans(org.orgId), JSON.stringify(a)).toEqual([]);
    }
  }

  it('holds after any sequence of transfers, declines, expiries and departures', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 14 }), (actions) => run(actions)),
      { numRuns: kind === 'sqlite' ? 25 : 8 },
    );
  }, 180_000);
});
