/**
 * Follow-ups per member and per department in a period, by kind (call, visit, message, note):
 * the follow-ups written on customers in the viewer's data scope (deleted customers left out),
 * optionally only by one member or by members of a department and those below it. A member's
 * department is their primary one, so each follow-up counts in exactly one department.
 */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { FOLLOW_UP_KINDS, type FollowUpKind } from '../follow-up-schemas.js';
import { customerViewer } from '../viewer.js';
import { checkedFilter, isoBounds, periodRange } from './analytics-filter.js';
import type { FollowUpStatsInput, FollowUpStatsOut } from './analytics-schemas.js';
import { scopedCustomerIds } from './scoped-customers.js';
import { REPORT_TIME_ZONE } from './time-buckets.js';

type KindCounts = Record<FollowUpKind, number> & { total: number };

const emptyCounts = (): KindCounts => ({ call: 0, visit: 0, message: 0, note: 0, total: 0 });

function add(counts: KindCounts, kind: string, n: number): void {
  if ((FOLLOW_UP_KINDS as readonly string[]).includes(kind)) counts[kind as FollowUpKind] += n;
  counts.total += n;
}

const byTotal = <T extends { total: number; name: string }>(a: T, b: T) =>
  b.total - a.total || a.name.localeCompare(b.name, 'zh-CN');

export async function followUpReport(ctx: Ctx, actor: Actor, input: FollowUpStatsInput): Promise<FollowUpStatsOut> {
  const viewer = await customerViewer(ctx, actor);
  const range = periodRange(ctx, input);
  const { ownerId, departmentIds, tagId } = await checkedFilter(
    ctx,
    viewer,
    { ownerId: input.memberId, departmentId: input.departmentId, tagId: input.tagId },
    'memberId',
  );
  const { since = '', until = '' } = isoBounds(range);

  // The customer filter keeps only scope and tag: member and department narrow the authors.
  let query = ctx.db
    .selectFrom('customer_follow_ups as f')
    .innerJoin('members as a', (join) => join.onRef('a.id', '=', 'f.author_id').onRef('a.org_id', '=', 'f.org_id'))
    .innerJoin('departments as d', (join) =>
      join.onRef('d.id', '=', 'a.primary_department_id').onRef('d.org_id', '=', 'a.org_id'),
    )
    .select((eb) => [
      'f.author_id as memberId',
      'f.kind as kind',
      eb.fn.max('a.name').as('memberName'),
      eb.fn.max('d.id').as('departmentId'),
      eb.fn.max('d.name').as('departmentName'),
      eb.fn.countAll<string | number>().as('n'),
    ])
    .where('f.org_id', '=', viewer.orgId)
    .where('f.happened_at', '>=', since)
    .where('f.happened_at', '<', until)
    .where('f.customer_id', 'in', scopedCustomerIds(ctx.db, viewer, { ownerId: null, departmentIds: null, tagId }));
  if (ownerId) query = query.where('f.author_id', '=', ownerId);
  if (departmentIds) {
    query = query.where((eb) =>
      eb(
        'f.author_id',
        'in',
        eb
          .selectFrom('member_departments as md')
          .select('md.member_id')
          .where('md.org_id', '=', viewer.orgId)
          .where('md.department_id', 'in', departmentIds),
      ),
    );
  }
  const rows = await query.groupBy(['f.author_id', 'f.kind']).execute();

  const members = new Map<string, FollowUpStatsOut['byMember'][number]>();
  const departments = new Map<string, FollowUpStatsOut['byDepartment'][number]>();
  const totals = emptyCounts();
  for (const row of rows) {
    const n = Number(row.n);
    const departmentId = row.departmentId ?? '';
    const departmentName = row.departmentName ?? '';
    let member = members.get(row.memberId);
    if (!member) {
      member = { id: row.memberId, name: row.memberName ?? '', departmentId, departmentName, ...emptyCounts() };
      members.set(row.memberId, member);
    }
    let department = departments.get(departmentId);
    if (!department) {
      department = { id: departmentId, name: departmentName, ...emptyCounts() };
      departments.set(departmentId, department);
    }
    add(member, row.kind, n);
    add(department, row.kind, n);
    add(totals, row.kind, n);
  }
  return {
    range,
    timeZone: REPORT_TIME_ZONE,
    kinds: [...FOLLOW_UP_KINDS],
    byMember: [...members.values()].sort(byTotal),
    byDepartment: [...departments.values()].sort(byTotal),
    totals,
  };
}
