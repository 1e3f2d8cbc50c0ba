/**
 * Edits a member's profile, departments or supervisor; scope follows on the next request. A
 * change of the department set also emits `member.departments_changed` (department groups follow).
 */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { invalid } from '../../../platform/errors.js';
import { pinyinKeys } from '../../../platform/text/pinyin.js';
import { recordAudit } from '../../audit/record.js';
import { assertManagesDepartments, assertManagesMember, loadOrgDepartments, loadVisibleMember } from '../access.js';
import {
  assertContactsFree,
  assertSupervisorAllowed,
  contactClash,
  contactInput,
  dateInput,
  writeMemberDepartments,
} from '../member-rules.js';
import { memberAuditSnapshot } from '../presenter.js';
import { findMember, type MemberRow } from '../queries.js';
import type { UpdateMemberInput } from '../schemas.js';

export async function updateMember(ctx: Ctx, actor: Actor, id: string, input: UpdateMemberInput): Promise<MemberRow> {
  const member = await loadVisibleMember(ctx, actor, id);
  await assertManagesMember(ctx, actor, member);
  const before = member.row;

  const name = input.name === undefined ? before.name : input.name.trim();
  if (!name) throw invalid('The name must not be blank', { field: 'name' });
  const email = contactInput('email', input.email);
  const mobile = contactInput('mobile', input.mobile);
  const joinedOn = dateInput('joinedOn', input.joinedOn);

  const primaryId = input.primaryDepartmentId ?? before.primary_department_id;
  const currentExtras = member.departmentIds.filter((d) => d !== before.primary_department_id);
  const extras = (input.departmentIds ?? currentExtras).filter((d) => d !== primaryId);
  const departmentsChange = input.primaryDepartmentId !== undefined || input.departmentIds !== undefined;
  if (departmentsChange) {
    await loadOrgDepartments(ctx, actor, [primaryId], 'primaryDepartmentId');
    await loadOrgDepartments(ctx, actor, extras, 'departmentIds');
    // Only the departments being added need the actor's reach; existing ones may stay.
    const added = [primaryId, ...extras].filter((d) => !member.departmentIds.includes(d));
    await assertManagesDepartments(ctx, actor, added);
  }
  if (input.supervisorId) await assertSupervisorAllowed(ctx.db, actor.orgId, id, input.supervisorId);

  const keys = pinyinKeys(name);
  const now = ctx.clock.now().toISOString();
  const departmentsAfter = await ctx.db
    .transaction()
    .execute(async (tx) => {
      await assertContactsFree(tx, { email, mobile }, id);
      await tx
        .updateTable('members')
        .set({
          name,
          name_pinyin: keys.pinyin,
          name_initials: keys.initials,
          title: input.title === undefined ? before.title : input.title?.trim() || null,
          email: email === undefined ? before.email : email,
          mobile: mobile === undefined ? before.mobile : mobile,
          joined_on: joinedOn === undefined ? before.joined_on : joinedOn,
          supervisor_id: input.supervisorId === undefined ? before.supervisor_id : input.supervisorId,
          primary_department_id: primaryId,
          updated_at: now,
        })
        .where('org_id', '=', actor.orgId)
        .where('id', '=', id)
        .execute();
      const departmentIds = departmentsChange
        ? await writeMemberDepartments(tx, actor.orgId, id, primaryId, extras)
        : member.departmentIds;
      const after = await findMember(tx, actor.orgId, id);
      if (!after) throw new Error('member vanished during update');
      await recordAudit(ctx, tx, {
        orgId: actor.orgId,
        who: actor,
        action: 'member.updated',
        target: { type: 'member', id, label: name },
        before: memberAuditSnapshot(before, member.departmentIds),
        after: memberAuditSnapshot(after, departmentIds),
      });
      return departmentIds;
    })
    .catch((err: unknown) => {
      throw contactClash(err);
    });
  ctx.bus.emit({
    type: 'member.updated',
    orgId: actor.orgId,
    at: now,
    actorId: actor.memberId,
    data: { memberId: id },
  });
  const beforeSet = new Set(member.departmentIds);
  if (departmentsAfter.length !== beforeSet.size || departmentsAfter.some((d) => !beforeSet.has(d))) {
    ctx.bus.emit({
      type: 'member.departments_changed',
      orgId: actor.orgId,
      at: now,
      actorId: actor.memberId,
      data: { memberId: id, before: member.departmentIds, after: departmentsAfter },
    });
  }
  const after = await findMember(ctx.db, actor.orgId, id);
  if (!after) throw new Error('member vanished after update');
  return after;
}
