/** Reading mass messages: the lists (yours, to review, to confirm, the org's) and one with its recipients. */
import type { Ctx } from '../../app/context.js';
import type { Actor } from '../../authz/actor.js';
import { assertMay, may, reachOf } from '../../authz/may.js';
import type { MassMessageTable } from '../../platform/db/mass-message-tables.js';
import { memberFacts, reaches } from '../customers/index.js';
import { loadVisibleMassMessage, mayApprove } from './access.js';
import { presentMassMessage, presentRecipient } from './presenter.js';
import { readFlag, totalsOf } from './read-status.js';
import type { ListMassMessagesInput, MassMessageDetailOut, MassMessageOut } from './schemas.js';

const LIST_MAX = 200;
const CANCELLABLE = new Set(['draft', 'pending_approval', 'approved', 'sending']);

async function namesOf(ctx: Pick<Ctx, 'db'>, orgId: string, ids: Iterable<string | null>) {
  const wanted = [...new Set([...ids].filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map<string, string>();
  const rows = await ctx.db
    .selectFrom('members')
    .select(['id', 'name'])
    .where('org_id', '=', orgId)
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

async function myWaiting(ctx: Pick<Ctx, 'db'>, actor: Actor, ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.db
    .selectFrom('mass_message_recipients')
    .select(['mass_message_id', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('org_id', '=', actor.orgId)
    .where('owner_id', '=', actor.memberId)
    .where('status', '=', 'awaiting_confirm')
    .where('mass_message_id', 'in', [...ids])
    .groupBy('mass_message_id')
    .execute();
  return new Map(rows.map((r) => [r.mass_message_id, Number(r.n)]));
}

async function present(ctx: Ctx, actor: Actor, rows: MassMessageTable[]): Promise<MassMessageOut[]> {
  const ids = rows.map((r) => r.id);
  const [names, totals, waiting, manage] = await Promise.all([
    namesOf(
      ctx,
      actor.orgId,
      rows.flatMap((r) => [r.author_id, r.approver_id]),
    ),
    totalsOf(ctx.db, actor.orgId, ids),
    myWaiting(ctx, actor, ids),
    may(ctx, actor, 'mass_message.manage'),
  ]);
  const approveCache = new Map<string, boolean>();
  const out: MassMessageOut[] = [];
  for (const row of rows) {
    let approver = approveCache.get(row.author_id);
    if (approver === undefined) {
      approver = await mayApprove(ctx, actor, row.author_id);
      approveCache.set(row.author_id, approver);
    }
    out.push(
      presentMassMessage(row, {
        names,
        totals: totals.get(row.id),
        myAwaitingConfirm: waiting.get(row.id) ?? 0,
        canApprove: approver && row.status === 'pending_approval',
        canCancel: CANCELLABLE.has(row.status) && (row.author_id === actor.memberId || manage || approver),
      }),
    );
  }
  return out;
}

export async function listMassMessages(ctx: Ctx, actor: Actor, input: ListMassMessagesInput) {
  const box = input.box ?? 'mine';
  if (box === 'all') await assertMay(ctx, actor, 'mass_message.manage');
  let query = ctx.db.selectFrom('mass_messages').selectAll().where('org_id', '=', actor.orgId);
  if (box === 'mine') query = query.where('author_id', '=', actor.memberId);
  if (box === 'all')
    query = query.where((eb) => eb.or([eb('status', '!=', 'draft'), eb('author_id', '=', actor.memberId)]));
  if (box === 'review') query = query.where('status', '=', 'pending_approval').where('author_id', '!=', actor.memberId);
  if (box === 'confirm') {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('mass_message_recipients as r')
          .select('r.customer_id')
          .whereRef('r.mass_message_id', '=', 'mass_messages.id')
          .where('r.owner_id', '=', actor.memberId)
          .where('r.status', '=', 'awaiting_confirm'),
      ),
    );
  }
  if (input.status) query = query.where('status', '=', input.status);
  let rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(LIST_MAX).execute();
  if (box === 'review') {
    const allowed = new Map<string, boolean>();
    for (const author of new Set(rows.map((r) => r.author_id)))
      allowed.set(author, await mayApprove(ctx, actor, author));
    rows = rows.filter((r) => allowed.get(r.author_id));
  }
  return { items: await present(ctx, actor, rows) };
}

export async function getMassMessage(ctx: Ctx, actor: Actor, id: string): Promise<MassMessageDetailOut> {
  const row = await loadVisibleMassMessage(ctx, actor, id);
  const [head] = await present(ctx, actor, [row]);
  // An owner who only confirms their part sees only their own customers.
  const seesAll =
    row.author_id === actor.memberId ||
    (await may(ctx, actor, 'mass_message.manage')) ||
    (await mayApprove(ctx, actor, row.author_id));
  let query = ctx.db
    .selectFrom('mass_message_recipients as r')
    .innerJoin('customers as c', 'c.id', 'r.customer_id')
    .innerJoin('members as m', 'm.id', 'r.owner_id')
    .select([
      'r.customer_id',
      'c.name as customer_name',
      'c.mobile',
      'r.owner_id',
      'm.name as owner_name',
      'r.status',
      'r.fail_reason',
      'r.sent_at',
      readFlag.as('is_read'),
    ])
    .where('r.org_id', '=', actor.orgId)
    .where('r.mass_message_id', '=', id);
  if (!seesAll) query = query.where('r.owner_id', '=', actor.memberId);
  const recipients = await query.orderBy('m.name_pinyin').orderBy('c.name_pinyin').orderBy('r.customer_id').execute();
  const contact = await reachOf(ctx, actor, 'customer.view_contact');
  const owners = await memberFacts(
    ctx.db,
    actor.orgId,
    recipients.map((r) => r.owner_id),
  );
  return {
    ...(head as MassMessageOut),
    recipients: recipients.map((r) =>
      presentRecipient(
        r,
        reaches(contact, { id: r.owner_id, departmentIds: owners.get(r.owner_id)?.departmentIds ?? [] }),
      ),
    ),
  };
}
