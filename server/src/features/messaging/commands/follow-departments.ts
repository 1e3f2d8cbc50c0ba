/**
 * Department groups: a group created with `followDepartmentId` (stored as
 * `conversations.department_id`) keeps its membership in step with that department and its
 * sub-departments, the same tree `createGroup` resolved its first members from.
 *
 * A member who enters the followed tree (new member, import, edited departments, a department
 * moved under it) joins the group; one who leaves the tree is removed. Only a change of the tree
 * moves anyone: someone who left the group while staying in the department is not pulled back
 * by the next unrelated edit, and someone added by hand from outside the department stays until
 * they leave a followed tree they were in. The owner is never removed this way: the group would
 * otherwise be left without its owner, who may well run it from another department; they hand it
 * over or leave themselves. Departed members are handled by `onMemberDeparted`; disabled members
 * are not added (as in `createGroup`) but are removed when they leave the tree.
 *
 * Each group changes in its own transaction through the event log (`reason: 'department'`). A
 * full group skips the members past its limit with a warning in the log: an event handler has no
 * one to answer an error to. Everything re-reads the current state, so a second delivery of the
 * same event changes nothing.
 */
import type { Ctx } from '../../../app/context.js';
import { type DepartmentTree, descendantsOf, isWithin, loadDepartmentTree } from '../../../authz/department-tree.js';
import type { DomainEvent } from '../../../platform/bus.js';
import {
  existingMemberIds,
  insertMembers,
  isGroup,
  type LoggedEvent,
  lockConversation,
  type MemberRef,
  memberAddedPayload,
  memberCount,
} from '../conversation-rules.js';
import { appendConversationEvent, publishEvents } from '../event-log.js';

/** One member whose department set (or the tree above it) changed; `before` is the old set. */
export type DepartmentChange = { memberId: string; before: readonly string[] };

type FollowingGroup = { id: string; departmentId: string };
type Plan = { add: MemberRef[]; remove: MemberRef[] };
type CurrentMember = MemberRef & { status: string; departmentIds: string[] };

const CHUNK = 500;

const stringsOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** `member.created`: the new member joins the groups following their departments. */
export function onMemberCreated(ctx: Ctx, event: DomainEvent): Promise<void> {
  const memberId = event.data.memberId;
  if (typeof memberId !== 'string') return Promise.resolve();
  return syncDepartmentGroups(ctx, event.orgId, [{ memberId, before: [] }]);
}

/** `members.imported`: every imported member joins the groups following their department. */
export function onMembersImported(ctx: Ctx, event: DomainEvent): Promise<void> {
  const changes = stringsOf(event.data.memberIds).map((memberId) => ({ memberId, before: [] }));
  return syncDepartmentGroups(ctx, event.orgId, changes);
}

/** `member.departments_changed`: joins the groups newly covered, leaves those no longer covered. */
export function onMemberDepartmentsChanged(ctx: Ctx, event: DomainEvent): Promise<void> {
  const memberId = event.data.memberId;
  if (typeof memberId !== 'string') return Promise.resolve();
  return syncDepartmentGroups(ctx, event.orgId, [{ memberId, before: stringsOf(event.data.before) }]);
}

/**
 * `department.updated` with a new parent: the members of the moved subtree keep their
 * departments but may now lie under other followed departments. Their "before" is judged on the
 * tree as it was, with the department still under its former parent.
 */
export async function onDepartmentMoved(ctx: Ctx, event: DomainEvent): Promise<void> {
  const { departmentId, fromParentId } = event.data;
  if (event.data.moved !== true || typeof departmentId !== 'string' || typeof fromParentId !== 'string') return;
  const tree = await loadDepartmentTree(ctx.db, event.orgId);
  if (!tree.parentOf.has(departmentId)) return;
  const parentOf = new Map(tree.parentOf);
  parentOf.set(departmentId, fromParentId);
  const treeBefore: DepartmentTree = { parentOf, childrenOf: tree.childrenOf };
  const subtree = [...descendantsOf(tree, [departmentId])];
  const memberIds = new Set<string>();
  for (let i = 0; i < subtree.length; i += CHUNK) {
    const rows = await ctx.db
      .selectFrom('member_departments')
      .select('member_id')
      .where('org_id', '=', event.orgId)
      .where('department_id', 'in', subtree.slice(i, i + CHUNK))
      .execute();
    for (const row of rows) memberIds.add(row.member_id);
  }
  const current = await currentMembers(ctx, event.orgId, [...memberIds]);
  const changes = [...current.values()].map((m) => ({ memberId: m.id, before: m.departmentIds }));
  await syncDepartmentGroups(ctx, event.orgId, changes, treeBefore);
}

/**
 * Brings every active group that follows a department in line with the given changes. The
 * member's current departments and status are read afresh; `treeBefore` (default: the current
 * tree) places the old departments.
 */
export async function syncDepartmentGroups(
  ctx: Ctx,
  orgId: string,
  changes: readonly DepartmentChange[],
  treeBefore?: DepartmentTree,
): Promise<void> {
  if (changes.length === 0) return;
  const groups = await followingGroups(ctx, orgId);
  if (groups.length === 0) return;
  const tree = await loadDepartmentTree(ctx.db, orgId);
  const current = await currentMembers(
    ctx,
    orgId,
    changes.map((c) => c.memberId),
  );
  const plans = new Map<string, Plan>();
  for (const change of changes) {
    const member = current.get(change.memberId);
    if (!member) continue;
    for (const group of groups) {
      const coveredNow = member.departmentIds.some((d) => isWithin(tree, d, group.departmentId));
      const coveredBefore = change.before.some((d) => isWithin(treeBefore ?? tree, d, group.departmentId));
      if (coveredNow === coveredBefore) continue;
      if (coveredNow && member.status !== 'active') continue;
      const plan = plans.get(group.id) ?? { add: [], remove: [] };
      (coveredNow ? plan.add : plan.remove).push({ id: member.id, name: member.name });
      plans.set(group.id, plan);
    }
  }
  for (const group of groups) {
    const plan = plans.get(group.id);
    if (plan) await applyPlan(ctx, orgId, group, plan);
  }
}

/** Active groups (internal or external) following a department. */
async function followingGroups(ctx: Ctx, orgId: string): Promise<FollowingGroup[]> {
  const rows = await ctx.db
    .selectFrom('conversations')
    .select(['id', 'kind', 'department_id'])
    .where('org_id', '=', orgId)
    .where('status', '=', 'active')
    .where('department_id', 'is not', null)
    .orderBy('id')
    .execute();
  return rows.flatMap((r) => (isGroup(r) && r.department_id ? [{ id: r.id, departmentId: r.department_id }] : []));
}

async function currentMembers(ctx: Ctx, orgId: string, ids: readonly string[]): Promise<Map<string, CurrentMember>> {
  const out = new Map<string, CurrentMember>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const chunk = unique.slice(i, i + CHUNK);
    const members = await ctx.db
      .selectFrom('members')
      .select(['id', 'name', 'status'])
      .where('org_id', '=', orgId)
      .where('id', 'in', chunk)
      .orderBy('id')
      .execute();
    for (const m of members) out.set(m.id, { ...m, departmentIds: [] });
    const links = await ctx.db
      .selectFrom('member_departments')
      .select(['member_id', 'department_id'])
      .where('org_id', '=', orgId)
      .where('member_id', 'in', chunk)
      .execute();
    for (const link of links) out.get(link.member_id)?.departmentIds.push(link.department_id);
  }
  return out;
}

/** One group's removals and additions, in one transaction, re-checked under the group's lock. */
async function applyPlan(ctx: Ctx, orgId: string, group: FollowingGroup, plan: Plan): Promise<void> {
  const now = ctx.clock.now().toISOString();
  const events = await ctx.db.transaction().execute(async (tx) => {
    const locked = await lockConversation(tx, orgId, group.id);
    // Dissolved, or no longer following this department since the plan was made.
    if (locked.status !== 'active' || locked.department_id !== group.departmentId) return [];
    const out: LoggedEvent[] = [];
    for (const member of plan.remove) {
      const removed = await tx
        .deleteFrom('conversation_members')
        .where('org_id', '=', orgId)
        .where('conversation_id', '=', group.id)
        .where('member_id', '=', member.id)
        .where('role', '!=', 'owner')
        .returning('member_id')
        .executeTakeFirst();
      if (!removed) continue;
      out.push(
        await appendConversationEvent(ctx, tx, {
          orgId,
          conversationId: group.id,
          type: 'conversation.member_removed',
          actorId: null,
          payload: {
            memberId: member.id,
            memberIds: [member.id],
            members: [member],
            reason: 'department',
            departmentId: group.departmentId,
          },
        }),
      );
    }
    if (plan.add.length > 0) {
      const present = await existingMemberIds(tx, orgId, group.id);
      const stillActive = await activeIds(
        tx,
        orgId,
        plan.add.map((m) => m.id),
      );
      const candidates = plan.add.filter((m) => !present.has(m.id) && stillActive.has(m.id));
      const room = Math.max(0, locked.member_limit - (await memberCount(tx, orgId, group.id)));
      const added = candidates.slice(0, room);
      if (added.length < candidates.length) {
        ctx.log.warn(
          {
            orgId,
            conversationId: group.id,
            departmentId: group.departmentId,
            limit: locked.member_limit,
            skippedMemberIds: candidates.slice(room).map((m) => m.id),
          },
          'department group is full; members of the department were not added',
        );
      }
      if (added.length > 0) {
        await insertMembers(
          tx,
          orgId,
          group.id,
          added.map((m) => ({ id: m.id, role: 'member' })),
          now,
        );
        out.push(
          await appendConversationEvent(ctx, tx, {
            orgId,
            conversationId: group.id,
            type: 'conversation.member_added',
            actorId: null,
            payload: memberAddedPayload(added, locked, { reason: 'department', departmentId: group.departmentId }),
          }),
        );
      }
    }
    return out;
  });
  publishEvents(ctx, events);
}

async function activeIds(tx: Ctx['db'], orgId: string, ids: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await tx
      .selectFrom('members')
      .select('id')
      .where('org_id', '=', orgId)
      .where('status', '=', 'active')
      .where('id', 'in', ids.slice(i, i + CHUNK))
      .execute();
    for (const row of rows) out.add(row.id);
  }
  return out;
}
