/**
 * Offboarding in one action (admin/HR, `member.manage` over the member): in one transaction the
 * member departs (sign-in disabled, sessions revoked, headships end — the directory's depart)
 * and their customers with open follow-ups go to the successor(s) at once; after commit
 * messaging hands the groups they owned and their open to-dos to the successor on `member.departed`. Any refusal
 * (unknown successor, customers left unassigned, a successor at their limit) writes nothing.
 * One audit entry per step (member.departed, customers.handed_over) and a closing
 * member.offboarded entry with the report.
 */
import type { Ctx } from '../../app/context.js';
import type { Actor } from '../../authz/actor.js';
import { recordAudit } from '../audit/record.js';
import { handOverCustomers } from '../customers/index.js';
import { departMember } from '../directory/index.js';
import { type LoggedEvent, openTodoCount, ownedGroupCount, publishEvents } from '../messaging/index.js';
import type { OffboardInput, OffboardReportOut } from './schemas.js';

export async function offboardMember(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: OffboardInput,
): Promise<OffboardReportOut> {
  let report: OffboardReportOut | undefined;
  let chatEvents: LoggedEvent[] = [];
  await departMember(
    ctx,
    actor,
    id,
    { successorId: input.successorId, departedOn: input.departedOn },
    async (tx, departure) => {
      const member = { id, name: departure.member.name };
      const groups = await ownedGroupCount(tx, actor.orgId, id);
      const todos = await openTodoCount(tx, actor.orgId, id);
      const customers = await handOverCustomers(ctx, tx, {
        orgId: actor.orgId,
        who: actor,
        member,
        plan: { successorId: input.successorId, distribution: input.distribution, spreadOver: input.spreadOver },
      });
      chatEvents = customers.events;
      report = {
        member,
        departedAt: departure.departedAt,
        signIn: { disabled: true, sessionsRevoked: departure.sessionsRevoked },
        groups: { owned: groups, successor: departure.successor },
        todos: { open: todos },
        customers: {
          batchId: customers.batchId,
          total: customers.total,
          followUps: customers.followUps,
          waitingCancelled: customers.waitingCancelled,
        },
        successors: customers.bySuccessor,
      };
      await recordAudit(ctx, tx, {
        orgId: actor.orgId,
        who: actor,
        action: 'member.offboarded',
        target: { type: 'member', id, label: member.name },
        after: report,
      });
    },
  );
  if (!report) throw new Error('offboarding wrote no report');
  publishEvents(ctx, chatEvents);
  if (report.customers.total > 0) {
    ctx.bus.emit({
      type: 'customer.transferred',
      orgId: actor.orgId,
      at: ctx.clock.now().toISOString(),
      actorId: actor.memberId,
      data: { batchId: report.customers.batchId, kind: 'departure', fromMemberId: id },
    });
  }
  return report;
}
