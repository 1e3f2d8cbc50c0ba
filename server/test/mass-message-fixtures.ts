/**
 * A sales team for mass-message tests: a supervisor over 销售部 with two sellers, a colleague in
 * 客服部 outside the supervisor's reach, tags, and customers who chat with their owner (joined
 * through the owner's contact-me link) or who have no chat at all.
 */
import { makeLink, type Visitor, visitThroughLink } from './contact-link-fixtures.js';
import { addCustomer, addTagGroup, caller, type Headers } from './customer-fixtures.js';
import { makeDepartment, makeMember, makeOrg, sessionFor, type TestOrg } from './factories.js';
import { startTestServer, type TestServer } from './harness.js';
import { type SmtpSink, startSmtpSink } from './smtp-sink.js';
import type { StoreKind } from './stores.js';

export type Person = 'admin' | 'sup' | 's1' | 's2' | 'other';

export type MassJson = {
  id: string;
  status: string;
  reason: string | null;
  totals: { recipients: number; pending: number; awaitingConfirm: number; sent: number; read: number; failed: number };
  myAwaitingConfirm: number;
  canApprove: boolean;
  recipients: {
    customer: { id: string; name: string; mobile: string | null };
    owner: { id: string; name: string };
    status: string;
    failReason: string | null;
  }[];
};

export type MassWorld = {
  server: TestServer;
  smtp: SmtpSink;
  org: TestOrg;
  call: ReturnType<typeof caller>;
  heads: Record<Person, Headers>;
  ids: Record<Person, string>;
  departments: { sales: string; support: string };
  tags: Record<string, string>;
  close(): Promise<void>;
};

export async function massWorld(kind: StoreKind, orgName: string): Promise<MassWorld> {
  const smtp = await startSmtpSink();
  const server = await startTestServer(kind, { mail: { smtpUrl: smtp.url, from: 'Concord <no-reply@example.test>' } });
  const org = await makeOrg(server.ctx, orgName);
  const sales = await makeDepartment(server.ctx, org.orgId, org.rootDepartmentId, '销售部');
  const support = await makeDepartment(server.ctx, org.orgId, org.rootDepartmentId, '客服部');
  const member = (departmentId: string, name: string, roles: ('member' | 'supervisor')[] = ['member']) =>
    makeMember(server.ctx, org, { departmentId, name, roles });
  const ids: Record<Person, string> = {
    admin: org.ownerId,
    sup: (await member(sales, '张主管', ['member', 'supervisor'])).id,
    s1: (await member(sales, '销售甲')).id,
    s2: (await member(sales, '销售乙')).id,
    other: (await member(support, '客服丙')).id,
  };
  const heads = {} as Record<Person, Headers>;
  for (const p of Object.keys(ids) as Person[]) heads[p] = await sessionFor(server.ctx, org.orgId, ids[p]);
  const { tags } = await addTagGroup(server, heads.admin, '意向', ['高意向', '老客户', '投诉']);
  return {
    server,
    smtp,
    org,
    call: caller(server),
    heads,
    ids,
    departments: { sales, support },
    tags,
    async close() {
      await server.close();
      await smtp.close();
    },
  };
}

let n = 0;

/** A customer of `owner` who chats with them, with these tags (by name). */
export async function chatCustomer(
  w: MassWorld,
  owner: Person,
  name: string,
  tagNames: string[] = [],
): Promise<{ customerId: string; visitor: Visitor }> {
  n += 1;
  const link = await makeLink(w.server, w.heads[owner], {
    name: `链接${n}`,
    tagIds: tagNames.map((t) => w.tags[t] as string),
  });
  const visitor = await visitThroughLink(w.server, w.smtp, link.code, `mass${n}-${Date.now()}@example.test`, name);
  const row = await w.server.ctx.db
    .selectFrom('customer_conversations')
    .select('customer_id')
    .where('conversation_id', '=', visitor.conversationId)
    .executeTakeFirstOrThrow();
  return { customerId: row.customer_id, visitor };
}

/** A customer of `owner` added by hand: no chat with anyone. */
export async function plainCustomer(w: MassWorld, owner: Person, name: string, tagNames: string[] = []) {
  const created = await addCustomer(w.server, w.heads[owner], {
    name,
    mobile: `139${String(10_000_000 + n++).slice(-8)}`,
    tagIds: tagNames.map((t) => w.tags[t] as string),
  });
  return created.id;
}

/** Submits a mass message; throws with the body when refused. */
export async function submit(w: MassWorld, who: Person, body: object): Promise<MassJson> {
  const res = await w.call(w.heads[who], 'POST', '/api/v1/mass-messages', body);
  if (res.statusCode !== 201) throw new Error(`submit: ${res.statusCode} ${res.body}`);
  return res.json() as MassJson;
}

export async function detail(w: MassWorld, who: Person, id: string): Promise<MassJson> {
  const res = await w.call(w.heads[who], 'GET', `/api/v1/mass-messages/${id}`);
  if (res.statusCode !== 200) throw new Error(`detail: ${res.statusCode} ${res.body}`);
  return res.json() as MassJson;
}

/** Runs the due jobs (sending) and waits for their events. */
export async function runJobs(w: MassWorld): Promise<void> {
  await w.server.runtime.worker.runDue();
  await w.server.ctx.bus.drain();
}

/** The statuses of the recipients by customer name ("read", "failed:frequency_cap", …). */
export function statusByName(m: MassJson): Record<string, string> {
  return Object.fromEntries(
    m.recipients.map((r) => [r.customer.name, r.failReason ? `${r.status}:${r.failReason}` : r.status]),
  );
}

export async function setRules(w: MassWorld, rules: object): Promise<void> {
  const res = await w.call(w.heads.admin, 'PUT', '/api/v1/mass-messages/settings', {
    capCount: 1,
    capPeriod: 'day',
    requireApproval: true,
    ownerConfirm: false,
    ...rules,
  });
  if (res.statusCode !== 200) throw new Error(`settings: ${res.statusCode} ${res.body}`);
}

/** Moves the clock on and signs everyone in again (idle sessions end). */
export async function advance(w: MassWorld, ms: number): Promise<void> {
  w.server.clock.advance(ms);
  for (const p of Object.keys(w.ids) as Person[]) w.heads[p] = await sessionFor(w.server.ctx, w.org.orgId, w.ids[p]);
}

/** The bodies of the messages in a chat, oldest first. */
export async function chatBodies(w: MassWorld, conversationId: string): Promise<string[]> {
  const rows = await w.server.ctx.db
    .selectFrom('messages')
    .select('body')
    .where('conversation_id', '=', conversationId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => r.body);
}
