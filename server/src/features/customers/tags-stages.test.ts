import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addCustomer,
  addTagGroup,
  type CustomerJson,
  caller,
  type Headers,
  names,
} from '../../../test/customer-fixtures.js';
import { makeMember, makeOrg, sessionFor, type TestOrg } from '../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { STORE_KINDS } from '../../../test/stores.js';

describe.each(STORE_KINDS)('customer tags and stages on %s', (kind) => {
  let server: TestServer;
  let org: TestOrg;
  let call: ReturnType<typeof caller>;
  let admin: Headers;
  let seller: Headers;
  let other: Headers;
  const tag: Record<string, string> = {};
  const customer: Record<string, CustomerJson> = {};

  beforeAll(async () => {
    server = await startTestServer(kind);
    call = caller(server);
    org = await makeOrg(server.ctx, '标签公司');
    admin = await sessionFor(server.ctx, org.orgId, org.ownerId);
    const s = await makeMember(server.ctx, org, { departmentId: org.rootDepartmentId, name: '销售甲' });
    const o = await makeMember(server.ctx, org, { departmentId: org.rootDepartmentId, name: '销售乙' });
    seller = await sessionFor(server.ctx, org.orgId, s.id);
    other = await sessionFor(server.ctx, org.orgId, o.id);
    for (const [group, tags] of [
      ['来源', ['展会', '转介绍']],
      ['需求', ['办公设备']],
      ['预算', ['高', '低']],
    ] as const) {
      Object.assign(tag, (await addTagGroup(server, admin, group, [...tags])).tags);
    }
    for (const name of ['一号', '二号', '三号', '四号']) customer[name] = await addCustomer(server, seller, { name });
  });
  afterAll(() => server.close());

  const list = async (who: Headers, query: string) =>
    names((await call(who, 'GET', `/api/v1/customers?${query}`)).json());
  const ids = (param: string, tagNames: string[]) => tagNames.map((n) => `${param}=${tag[n]}`).join('&');

  it('keeps org-wide tag groups to customer.manage and personal ones to their creator', async () => {
    expect((await call(seller, 'POST', '/api/v1/tag-groups', { name: '行业', tags: ['零售'] })).statusCode).toBe(403);
    const mine = await addTagGroup(server, seller, '我的分类', ['重点'], true);
    tag.重点 = mine.tags.重点 as string;
    const seen = (await call(seller, 'GET', '/api/v1/tag-groups')).json().items.map((g: { name: string }) => g.name);
    expect(seen).toEqual(['来源', '需求', '预算', '我的分类']);
    const notSeen = (await call(other, 'GET', '/api/v1/tag-groups')).json().items.map((g: { name: string }) => g.name);
    expect(notSeen).toEqual(['来源', '需求', '预算']);
    expect((await call(other, 'PATCH', `/api/v1/tag-groups/${mine.groupId}`, { name: '偷看' })).statusCode).toBe(404);
    expect((await call(admin, 'DELETE', `/api/v1/tag-groups/${mine.groupId}`)).statusCode).toBe(404);
    const twice = await call(admin, 'POST', '/api/v1/tag-groups', { name: '来源' });
    expect(twice.statusCode).toBe(409);
    const dupTag = await call(admin, 'POST', `/api/v1/tag-groups/${(await groupOf('展会')).id}/tags`, { name: '展会' });
    expect(dupTag.statusCode).toBe(409);
  });

  async function groupOf(tagName: string): Promise<{ id: string }> {
    const groups = (await call(admin, 'GET', '/api/v1/tag-groups')).json().items as {
      id: string;
      tags: { name: string }[];
    }[];
    const group = groups.find((g) => g.tags.some((t) => t.name === tagName));
    if (!group) throw new Error(`no group for ${tagName}`);
    return group;
  }

  it('tags customers by hand and in bulk, and a bulk change with one customer out of scope changes nothing', async () => {
    const one = customer.一号 as CustomerJson;
    const byHand = await call(seller, 'PATCH', `/api/v1/customers/${one.id}`, {
      tagIds: [tag.高, tag.办公设备, tag.重点],
    });
    expect(byHand.statusCode, byHand.body).toBe(200);
    expect(byHand.json().tags.map((t: { name: string }) => t.name)).toEqual(['办公设备', '高', '重点']);

    const bulk = await call(seller, 'POST', '/api/v1/customers/tags', {
      customerIds: [one.id, customer.二号?.id],
      addTagIds: [tag.展会],
    });
    expect(bulk.json()).toEqual({ customers: 2, added: 2, removed: 0 });
    await call(seller, 'POST', '/api/v1/customers/tags', { customerIds: [customer.二号?.id], addTagIds: [tag.低] });
    await call(seller, 'PATCH', `/api/v1/customers/${customer.三号?.id}`, { tagIds: [tag.转介绍, tag.办公设备] });

    const foreign = await addCustomer(server, other, { name: '别人的' });
    const refused = await call(seller, 'POST', '/api/v1/customers/tags', {
      customerIds: [customer.四号?.id, foreign.id],
      addTagIds: [tag.高],
    });
    expect(refused.statusCode).toBe(404);
    expect(await list(seller, ids('tagsAny', ['高']))).toEqual(['一号']);
    const personalOfOther = await call(other, 'POST', '/api/v1/customers/tags', {
      customerIds: [foreign.id],
      addTagIds: [tag.重点],
    });
    expect(personalOfOther.statusCode).toBe(400);
  });

  it('filters by tags: all of, any of, none of, and combinations', async () => {
    expect(await list(seller, ids('tagsAll', ['展会', '办公设备']))).toEqual(['一号']);
    expect(await list(seller, ids('tagsAll', ['展会']))).toEqual(['二号', '一号']);
    expect(await list(seller, ids('tagsAny', ['展会', '转介绍']))).toEqual(['二号', '三号', '一号']);
    expect(await list(seller, ids('tagsNone', ['展会']))).toEqual(['三号', '四号']);
    expect(await list(seller, `${ids('tagsAny', ['展会', '转介绍'])}&${ids('tagsNone', ['低'])}`)).toEqual([
      '三号',
      '一号',
    ]);
    expect(await list(seller, `${ids('tagsAll', ['办公设备'])}&${ids('tagsNone', ['高', '低'])}`)).toEqual(['三号']);
    // Another member's personal tag cannot be used to filter (nor probed).
    const probe = await call(other, 'GET', `/api/v1/customers?tagsAny=${tag.重点}`);
    expect(probe.statusCode).toBe(400);
  });

  it('shows personal tags only to their creator and keeps them when others edit tags', async () => {
    const one = customer.一号 as CustomerJson;
    const asAdmin = await call(admin, 'GET', `/api/v1/customers/${one.id}`);
    expect(asAdmin.json().tags.map((t: { name: string }) => t.name)).toEqual(['展会', '办公设备', '高']);
    await call(admin, 'PATCH', `/api/v1/customers/${one.id}`, { tagIds: [tag.展会] });
    const asSeller = await call(seller, 'GET', `/api/v1/customers/${one.id}`);
    expect(asSeller.json().tags.map((t: { name: string }) => t.name)).toEqual(['展会', '重点']);
    await call(admin, 'PATCH', `/api/v1/customers/${one.id}`, { tagIds: [tag.展会, tag.办公设备, tag.高] });
  });

  it('starts every org on the default pipeline and records who moved a customer, when, from and to', async () => {
    const stages = (await call(seller, 'GET', '/api/v1/customer-stages')).json().items as {
      id: string;
      name: string;
    }[];
    expect(stages.map((s) => s.name)).toEqual(['线索', '初次沟通', '意向', '报价', '成交', '流失']);
    const stage = Object.fromEntries(stages.map((s) => [s.name, s.id]));
    const two = customer.二号 as CustomerJson;
    server.clock.advance(60_000);
    const moved = await call(seller, 'POST', `/api/v1/customers/${two.id}/stage`, {
      stageId: stage.意向,
      note: '看过样品',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    server.clock.advance(60_000);
    await call(seller, 'POST', `/api/v1/customers/${two.id}/stage`, { stageId: stage.报价 });
    // Moving to the stage it is in adds nothing.
    await call(seller, 'POST', `/api/v1/customers/${two.id}/stage`, { stageId: stage.报价 });
    const detail = (await call(admin, 'GET', `/api/v1/customers/${two.id}`)).json();
    expect(detail.stage).toMatchObject({ name: '报价' });
    expect(
      detail.stageHistory.map(
        (m: { from: { name: string } | null; to: { name: string }; by: { name: string }; note: string | null }) => [
          m.from?.name ?? null,
          m.to.name,
          m.by.name,
          m.note,
        ],
      ),
    ).toEqual([
      ['意向', '报价', '销售甲', null],
      ['线索', '意向', '销售甲', '看过样品'],
      [null, '线索', '销售甲', null],
    ]);
    expect(detail.stageHistory[0].at > detail.stageHistory[1].at).toBe(true);
    expect(await list(seller, `stageId=${stage.报价}`)).toEqual(['二号']);
    const unknown = await call(seller, 'POST', `/api/v1/customers/${two.id}/stage`, {
      stageId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('changes the pipeline only with customer.manage, never dropping a stage customers are in', async () => {
    const stages = (await call(admin, 'GET', '/api/v1/customer-stages')).json().items as {
      id: string;
      name: string;
      kind: string;
    }[];
    const keep = (list: typeof stages) => list.map(({ id, name, kind }) => ({ id, name, kind }));
    expect((await call(seller, 'PUT', '/api/v1/customer-stages', { stages: keep(stages) })).statusCode).toBe(403);
    const withoutQuote = keep(stages.filter((s) => s.name !== '报价'));
    const inUse = await call(admin, 'PUT', '/api/v1/customer-stages', { stages: withoutQuote });
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().error.details).toMatchObject({ reason: 'stage_in_use', customers: 1 });
    const noOpen = await call(admin, 'PUT', '/api/v1/customer-stages', {
      stages: [{ name: '成交', kind: 'won' }],
    });
    expect(noOpen.statusCode).toBe(400);

    const renamed = keep(stages)
      .filter((s) => s.name !== '初次沟通')
      .map((s) => (s.name === '意向' ? { ...s, name: '有意向' } : s));
    renamed.splice(3, 0, { name: '签约中', kind: 'open' } as (typeof renamed)[number]);
    const saved = await call(admin, 'PUT', '/api/v1/customer-stages', { stages: renamed });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().items.map((s: { name: string }) => s.name)).toEqual([
      '线索',
      '有意向',
      '报价',
      '签约中',
      '成交',
      '流失',
    ]);
    // History keeps the names stages had when the moves happened.
    const detail = (await call(admin, 'GET', `/api/v1/customers/${customer.二号?.id}`)).json();
    expect(detail.stageHistory[1].to.name).toBe('意向');
  });

  it('deleting a tag takes it off every customer', async () => {
    const group = await groupOf('高');
    expect((await call(admin, 'DELETE', `/api/v1/tag-groups/${group.id}/tags/${tag.高}`)).statusCode).toBe(200);
    const one = (await call(seller, 'GET', `/api/v1/customers/${customer.一号?.id}`)).json();
    expect(one.tags.map((t: { name: string }) => t.name)).not.toContain('高');
    expect((await call(seller, 'GET', `/api/v1/customers?tagsAny=${tag.高}`)).statusCode).toBe(400);
    expect((await call(admin, 'DELETE', `/api/v1/tag-groups/${group.id}`)).statusCode).toBe(200);
    expect(await list(seller, '')).toEqual(['二号', '三号', '四号', '一号']);
  });
});
