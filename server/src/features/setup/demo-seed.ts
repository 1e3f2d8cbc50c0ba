/**
 * Seeds the demo org 星河零售 (HQ → 2 regions → 4 stores, 30 members with titles, supervisors,
 * department heads and roles). Used by `concord demo` and by the first-run setup's demo choice.
 * Every demo member shares one random password, returned once.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Ctx } from '../../app/context.js';
import type { Database } from '../../platform/db/schema.js';
import { recordAudit } from '../audit/record.js';
import { newMemberRow } from '../directory/index.js';
import { hashPassword } from '../identity/passwords.js';
import { createOrg } from '../org/index.js';
import {
  DEMO_ADMIN_LOGIN,
  DEMO_DEPARTMENTS,
  DEMO_MEMBERS,
  DEMO_ORG_NAME,
  type DemoDepartmentKey,
  type DemoMember,
  demoEmail,
  demoMobile,
} from './demo-data.js';

export type DemoResult = { orgId: string; admin: { login: string; password: string } };

/** Why the demo cannot be seeded on this server, or null when it can. */
export type DemoClash = { kind: 'exists'; orgId: string } | { kind: 'mobile'; mobile: string };

const SEEDER = {
  kind: 'system' as const,
  memberId: null,
  name: 'concord demo',
  meta: { ip: null, userAgent: null, requestId: null },
};

/** Finds a demo email or mobile already in use (the demo was seeded before, or a real member clashes). */
export async function findDemoClash(ctx: Pick<Ctx, 'db'>): Promise<DemoClash | null> {
  const emails = DEMO_MEMBERS.map((m) => demoEmail(m.login));
  const taken = await ctx.db.selectFrom('members').select('org_id').where('email', 'in', emails).executeTakeFirst();
  if (taken) return { kind: 'exists', orgId: taken.org_id };
  const mobiles = DEMO_MEMBERS.map((_, i) => demoMobile(i));
  const clash = await ctx.db.selectFrom('members').select('mobile').where('mobile', 'in', mobiles).executeTakeFirst();
  if (clash?.mobile) return { kind: 'mobile', mobile: clash.mobile };
  return null;
}

/** Creates the demo org; assumes none of its emails or mobiles are in use. */
export async function seedDemoOrg(ctx: Ctx): Promise<DemoResult> {
  const password = `Xh-${randomBytes(9).toString('base64url')}`;
  const [owner, ...others] = DEMO_MEMBERS;
  if (!owner) throw new Error('demo data has no owner');
  const created = await createOrg(ctx, {
    name: DEMO_ORG_NAME,
    ownerName: owner.name,
    ownerEmail: demoEmail(owner.login),
    ownerPassword: password,
  });
  const { orgId } = created;
  const hashes = await Promise.all(others.map(() => hashPassword(password, ctx.config.passwordHash)));
  const now = ctx.clock.now().toISOString();

  await ctx.db.transaction().execute(async (tx) => {
    const deptIds = await insertDepartments(ctx, tx, orgId, created.rootDepartmentId, now);
    const memberIds = new Map<string, string>([[owner.login, created.ownerId]]);
    for (const m of others) memberIds.set(m.login, ctx.ids.next());
    const idOf = (login: string): string => {
      const id = memberIds.get(login);
      if (!id) throw new Error(`demo data names an unknown member ${login}`);
      return id;
    };

    await tx
      .updateTable('members')
      .set({ title: owner.title, mobile: demoMobile(0), updated_at: now })
      .where('id', '=', created.ownerId)
      .execute();
    for (const [i, m] of others.entries()) {
      const id = idOf(m.login);
      const departmentId = deptIds[m.department];
      await tx
        .insertInto('members')
        .values(
          newMemberRow({
            id,
            orgId,
            name: m.name,
            title: m.title,
            mobile: demoMobile(i + 1),
            email: demoEmail(m.login),
            primaryDepartmentId: departmentId,
            supervisorId: m.supervisor ? idOf(m.supervisor) : null,
            joinedOn: now.slice(0, 10),
            passwordHash: hashes[i] ?? null,
            now,
          }),
        )
        .execute();
      await tx
        .insertInto('member_departments')
        .values({ org_id: orgId, member_id: id, department_id: departmentId, is_primary: 1 })
        .execute();
      const roles = [...m.roles, 'member' as const];
      await tx
        .insertInto('member_roles')
        .values(roles.map((r) => ({ org_id: orgId, member_id: id, role_id: created.roleIds[r] as string })))
        .execute();
      await auditMember(ctx, tx, orgId, id, m);
    }
    const heads = DEMO_MEMBERS.filter((m) => m.head);
    await tx
      .insertInto('department_heads')
      .values(heads.map((m) => ({ org_id: orgId, department_id: deptIds[m.department], member_id: idOf(m.login) })))
      .execute();
  });
  return { orgId, admin: { login: demoEmail(DEMO_ADMIN_LOGIN), password } };
}

/** Renames the root to 总部 and adds regions and stores; returns each key's department id. */
async function insertDepartments(
  ctx: Ctx,
  tx: Kysely<Database>,
  orgId: string,
  rootId: string,
  now: string,
): Promise<Record<DemoDepartmentKey, string>> {
  const ids: Partial<Record<DemoDepartmentKey, string>> = { hq: rootId };
  for (const [order, d] of DEMO_DEPARTMENTS.entries()) {
    if (d.parent === null) {
      await tx.updateTable('departments').set({ name: d.name, updated_at: now }).where('id', '=', rootId).execute();
      continue;
    }
    const id = ctx.ids.next();
    ids[d.key] = id;
    await tx
      .insertInto('departments')
      .values({
        id,
        org_id: orgId,
        parent_id: ids[d.parent] ?? rootId,
        name: d.name,
        sort_order: order,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await recordAudit(ctx, tx, {
      orgId,
      who: SEEDER,
      action: 'department.created',
      target: { type: 'department', id, label: d.name },
      after: { name: d.name },
    });
  }
  return ids as Record<DemoDepartmentKey, string>;
}

async function auditMember(ctx: Ctx, tx: Kysely<Database>, orgId: string, id: string, m: DemoMember): Promise<void> {
  await recordAudit(ctx, tx, {
    orgId,
    who: SEEDER,
    action: 'member.created',
    target: { type: 'member', id, label: m.name },
    after: { name: m.name, title: m.title, email: demoEmail(m.login), roles: [...m.roles, 'member'] },
  });
}
