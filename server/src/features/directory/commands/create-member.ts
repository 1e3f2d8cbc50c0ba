/** Adds a member to the directory, with departments, supervisor and an optional first password. */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { invalid } from '../../../platform/errors.js';
import { recordAudit } from '../../audit/record.js';
import { assertAcceptablePassword, hashPassword } from '../../identity/index.js';
import { assertManagesDepartments, loadOrgDepartments, requireReach } from '../access.js';
import { newMemberRow } from '../member-row.js';
import {
  assertContactsFree,
  assertSupervisorAllowed,
  contactClash,
  contactInput,
  dateInput,
  defaultRoleId,
  writeMemberDepartments,
} from '../member-rules.js';
import { memberAuditSnapshot } from '../presenter.js';
import { findMember, type MemberRow } from '../queries.js';
import type { CreateMemberInput } from '../schemas.js';

export async function createMember(ctx: Ctx, actor: Actor, input: CreateMemberInput): Promise<MemberRow> {
  await requireReach(ctx, actor, 'member.manage');
  const name = input.name.trim();
  if (!name) throw invalid('The name must not be blank', { field: 'name' });
  const email = contactInput('email', input.email) ?? null;
  const mobile = contactInput('mobile', input.mobile) ?? null;
  const joinedOn = dateInput('joinedOn', input.joinedOn) ?? null;
  const extras = (input.departmentIds ?? []).filter((id) => id !== input.primaryDepartmentId);
  await loadOrgDepartments(ctx, actor, [input.primaryDepartmentId], 'primaryDepartmentId');
  await loadOrgDepartments(ctx, actor, extras, 'departmentIds');
  await assertManagesDepartments(ctx, actor, [input.primaryDepartmentId, ...extras]);
  const supervisorId = input.supervisorId ?? null;
  if (supervisorId) await assertSupervisorAllowed(ctx.db, actor.orgId, null, supervisorId);
  let passwordHash: string | null = null;
  if (input.password !== undefined) {
    assertAcceptablePassword(input.password, [email, mobile]);
    passwordHash = await hashPassword(input.password, ctx.config.passwordHash);
  }

  const id = ctx.ids.next();
  const now = ctx.clock.now().toISOString();
  const row: MemberRow = newMemberRow({
    id,
    orgId: actor.orgId,
    name,
    title: input.title?.trim() || null,
    mobile,
    email,
    primaryDepartmentId: input.primaryDepartmentId,
    supervisorId,
    joinedOn,
    passwordHash,
    now,
  });
  await ctx.db
    .transaction()
    .execute(async (tx) => {
      await assertContactsFree(tx, { email, mobile }, null);
      await tx.insertInto('members').values(row).execute();
      const departmentIds = await writeMemberDepartments(tx, actor.orgId, id, input.primaryDepartmentId, extras);
      const roleId = await defaultRoleId(tx, actor.orgId);
      if (roleId)
        await tx.insertInto('member_roles').values({ org_id: actor.orgId, member_id: id, role_id: roleId }).execute();
      await recordAudit(ctx, tx, {
        orgId: actor.orgId,
        who: actor,
        action: 'member.created',
        target: { type: 'member', id, label: name },
        after: memberAuditSnapshot(row, departmentIds),
      });
    })
    .catch((err: unknown) => {
      throw contactClash(err);
    });
  ctx.bus.emit({
    type: 'member.created',
    orgId: actor.orgId,
    at: now,
    actorId: actor.memberId,
    data: { memberId: id },
  });
  const created = await findMember(ctx.db, actor.orgId, id);
  if (!created) throw new Error('member vanished after insert');
  return created;
}
