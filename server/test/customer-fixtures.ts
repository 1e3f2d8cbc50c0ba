/** Helpers for customer tests: a request caller, customers, tag groups and custom roles. */
import type { DataScope, Permission } from '@concord/protocol';
import type { Ctx } from '../src/app/context.js';
import type { TestOrg } from './factories.js';
import type { TestServer } from './harness.js';

export type Headers = { authorization: string };
type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Calls the API as someone and waits for event handlers to settle. */
export function caller(server: TestServer) {
  return async (headers: Headers, method: Method, url: string, payload?: object) => {
    const res = await server.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
    await server.ctx.bus.drain();
    return res;
  };
}

export type CustomerJson = {
  id: string;
  name: string;
  mobile: string | null;
  email: string | null;
  contactMasked: boolean;
  owner: { id: string; name: string };
  stage: { id: string; name: string } | null;
  tags: { id: string; name: string }[];
  followerIds: string[];
  customFields: Record<string, string | number>;
  deletedAt: string | null;
};

/** Adds a customer through the API; throws with the body when it is refused. */
export async function addCustomer(server: TestServer, headers: Headers, body: object): Promise<CustomerJson> {
  const res = await caller(server)(headers, 'POST', '/api/v1/customers', body);
  if (res.statusCode !== 201) throw new Error(`create customer: ${res.statusCode} ${res.body}`);
  return res.json() as CustomerJson;
}

/** Adds a tag group with tags through the API; returns tag ids by name. */
export async function addTagGroup(
  server: TestServer,
  headers: Headers,
  name: string,
  tags: string[],
  personal = false,
): Promise<{ groupId: string; tags: Record<string, string> }> {
  const res = await caller(server)(headers, 'POST', '/api/v1/tag-groups', { name, tags, personal });
  if (res.statusCode !== 200) throw new Error(`create tag group: ${res.statusCode} ${res.body}`);
  const group = (
    res.json() as { items: { id: string; name: string; personal: boolean; tags: { id: string; name: string }[] }[] }
  ).items.find((g) => g.name === name && g.personal === personal);
  if (!group) throw new Error('tag group missing');
  return { groupId: group.id, tags: Object.fromEntries(group.tags.map((t) => [t.name, t.id])) };
}

/** A custom role with these permissions at one data scope; returns its id. */
export async function makeRole(
  ctx: Ctx,
  org: TestOrg,
  name: string,
  scope: DataScope,
  permissions: readonly Permission[],
): Promise<string> {
  const id = ctx.ids.next();
  const now = ctx.clock.now().toISOString();
  await ctx.db
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
  await ctx.db
    .insertInto('role_permissions')
    .values(permissions.map((permission) => ({ org_id: org.orgId, role_id: id, permission })))
    .execute();
  return id;
}

/** Names in list order. */
export const names = (body: { items: { name: string }[] }) => body.items.map((c) => c.name);
