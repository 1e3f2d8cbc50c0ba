/**
 * A sales team for the response-time tests: a department headed by a supervisor, two sellers in
 * it, and customers who reach a seller through their contact-me link and write in the chat.
 */
import { makeLink, type Visitor, visitThroughLink } from './contact-link-fixtures.js';
import { caller, type Headers } from './customer-fixtures.js';
import { makeDepartment, makeMember, makeOrg, sessionFor, type TestOrg } from './factories.js';
import type { TestServer } from './harness.js';
import type { SmtpSink } from './smtp-sink.js';

export type ResponseTeam = {
  org: TestOrg;
  salesId: string;
  supervisorId: string;
  sellerA: string;
  sellerB: string;
  as(memberId: string): Promise<Headers>;
  /** A new customer of the seller, in their chat (the link's welcome is not a reply to anything). */
  customerOf(sellerId: string, name: string): Promise<Visitor & { customerId: string }>;
  /** Sends a text message in a chat as someone, with the handlers settled. */
  say(headers: Headers, conversationId: string, body: string): Promise<void>;
};

let n = 0;

export async function seedResponseTeam(server: TestServer, smtp: SmtpSink): Promise<ResponseTeam> {
  const { ctx } = server;
  const call = caller(server);
  const org = await makeOrg(ctx, '响应时效公司');
  const salesId = await makeDepartment(ctx, org.orgId, org.rootDepartmentId, '销售部');
  const supervisorId = (await makeMember(ctx, org, { departmentId: salesId, name: '销售经理', roles: ['supervisor'] }))
    .id;
  await ctx.db
    .insertInto('department_heads')
    .values({ org_id: org.orgId, department_id: salesId, member_id: supervisorId })
    .execute();
  const sellerA = (await makeMember(ctx, org, { departmentId: salesId, name: '销售小王' })).id;
  const sellerB = (await makeMember(ctx, org, { departmentId: salesId, name: '销售小李' })).id;
  const as = async (memberId: string): Promise<Headers> => {
    const { authorization } = await sessionFor(ctx, org.orgId, memberId);
    return { authorization };
  };
  const links = new Map<string, string>();
  return {
    org,
    salesId,
    supervisorId,
    sellerA,
    sellerB,
    as,
    async customerOf(sellerId, name) {
      let code = links.get(sellerId);
      if (!code) {
        code = (await makeLink(server, await as(sellerId), { name: '名片', tagIds: [], welcomeMessage: '您好' })).code;
        links.set(sellerId, code);
      }
      const visitor = await visitThroughLink(server, smtp, code, `rt${++n}@visitor.example`, name);
      const chat = await ctx.db
        .selectFrom('customer_conversations')
        .select('customer_id')
        .where('conversation_id', '=', visitor.conversationId)
        .executeTakeFirstOrThrow();
      return { ...visitor, customerId: chat.customer_id };
    },
    async say(headers, conversationId, body) {
      const res = await call(headers, 'POST', `/api/v1/conversations/${conversationId}/messages`, {
        clientMsgId: `rt-${++n}`,
        body,
      });
      if (res.statusCode >= 300) throw new Error(`send: ${res.statusCode} ${res.body}`);
    },
  };
}
