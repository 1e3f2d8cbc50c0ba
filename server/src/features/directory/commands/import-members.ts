/**
 * Bulk import of members from CSV/XLSX. A dry run only validates; a real run writes every row
 * in one transaction, or nothing at all when any row is bad.
 */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { reachCovers } from '../../../authz/may.js';
import type { MemberTable } from '../../../platform/db/schema.js';
import { conflict, DomainError, invalid, limitExceeded } from '../../../platform/errors.js';
import { recordAudit } from '../../audit/record.js';
import { assertAcceptablePassword, hashPassword } from '../../identity/index.js';
import { requireReach } from '../access.js';
import { cellOf, mapColumns } from '../import/columns.js';
import { readTable } from '../import/read-table.js';
import {
  type ExistingAccount,
  type RowError,
  supervisorsFirst,
  type ValidRow,
  validateRows,
} from '../import/validate-rows.js';
import { newMemberRow } from '../member-row.js';
import { defaultRoleId } from '../member-rules.js';
import { listDepartmentRows, membersWithContacts } from '../queries.js';

export const MAX_IMPORT_ROWS = 5000;
const CHUNK = 200;

export type ImportOutcome = { dryRun: boolean; total: number; valid: number; errors: RowError[]; created: number };

export async function importMembers(ctx: Ctx, actor: Actor, file: Uint8Array, dryRun: boolean): Promise<ImportOutcome> {
  await requireReach(ctx, actor, 'member.import');
  const manageReach = await requireReach(ctx, actor, 'member.manage');

  const table = await readTable(file);
  if (table.rows.length > MAX_IMPORT_ROWS) {
    throw limitExceeded(`An import holds at most ${MAX_IMPORT_ROWS} rows; this file has ${table.rows.length}`, {
      max: MAX_IMPORT_ROWS,
      rows: table.rows.length,
    });
  }
  if (table.rows.length === 0) throw invalid('The file has a header but no rows', { field: 'file' });
  const columns = mapColumns(table.header.cells);

  // Every email and mobile the file names (as a member or a supervisor), looked up at once.
  const contacts = table.rows.flatMap((r) =>
    (['email', 'mobile', 'supervisor'] as const).map((f) => cellOf(r.cells, columns, f)),
  );
  const emails = [...new Set(contacts.filter((c) => c.includes('@')).map((c) => c.toLowerCase()))];
  const mobiles = [...new Set(contacts.filter((c) => c && !c.includes('@')).map((c) => c.replace(/[\s-]/g, '')))];
  const existing = await membersWithContacts(ctx.db, emails, mobiles);
  const existingByEmail = new Map<string, ExistingAccount>();
  const existingByMobile = new Map<string, ExistingAccount>();
  for (const m of existing) {
    const account = { id: m.id, orgId: m.org_id, status: m.status };
    if (m.email) existingByEmail.set(m.email, account);
    if (m.mobile) existingByMobile.set(m.mobile, account);
  }

  const departments = await listDepartmentRows(ctx.db, actor.orgId);
  const { rows, errors } = validateRows(table.rows, columns, {
    orgId: actor.orgId,
    departments,
    managesDepartment: (id) => reachCovers(manageReach, { kind: 'department', id }),
    existingByEmail,
    existingByMobile,
    passwordProblem: (password, personal) => {
      try {
        assertAcceptablePassword(password, personal);
        return null;
      } catch (err) {
        const reason = err instanceof DomainError ? (err.details as { reason?: string } | undefined)?.reason : null;
        return reason ?? 'invalid';
      }
    },
  });
  const outcome: ImportOutcome = { dryRun, total: table.rows.length, valid: rows.length, errors, created: 0 };
  if (dryRun) return outcome;
  if (errors.length > 0) {
    throw invalid(`${errors.length} problem(s) in the file; nothing was imported`, outcome);
  }
  const created = await writeRows(ctx, actor, rows);
  return { ...outcome, created };
}

async function writeRows(ctx: Ctx, actor: Actor, rows: readonly ValidRow[]): Promise<number> {
  const hashes = new Map<number, string>();
  for (const [index, row] of rows.entries()) {
    if (row.password) hashes.set(index, await hashPassword(row.password, ctx.config.passwordHash));
  }
  const now = ctx.clock.now().toISOString();
  const ids = rows.map(() => ctx.ids.next());
  const order = supervisorsFirst(rows);
  const values: MemberTable[] = order.map((index) => {
    const row = rows[index] as ValidRow;
    const sup = row.supervisor;
    return newMemberRow({
      id: ids[index] as string,
      orgId: actor.orgId,
      name: row.name,
      title: row.title,
      mobile: row.mobile,
      email: row.email,
      primaryDepartmentId: row.departmentId,
      supervisorId: sup === null ? null : sup.kind === 'member' ? sup.id : (ids[sup.index] ?? null),
      joinedOn: row.joinedOn,
      passwordHash: hashes.get(index) ?? null,
      now,
    });
  });

  await ctx.db.transaction().execute(async (tx) => {
    // Someone may have taken an email or mobile since validation; refuse rather than half-import.
    const clash = await membersWithContacts(
      tx,
      values.flatMap((v) => (v.email ? [v.email] : [])),
      values.flatMap((v) => (v.mobile ? [v.mobile] : [])),
    );
    if (clash.length > 0) throw conflict('An email or mobile in the file was taken meanwhile; run the import again');
    const roleId = await defaultRoleId(tx, actor.orgId);
    for (let i = 0; i < values.length; i += CHUNK) {
      const part = values.slice(i, i + CHUNK);
      await tx.insertInto('members').values(part).execute();
      await tx
        .insertInto('member_departments')
        .values(
          part.map((v) => ({
            org_id: actor.orgId,
            member_id: v.id,
            department_id: v.primary_department_id,
            is_primary: 1,
          })),
        )
        .execute();
      if (roleId) {
        await tx
          .insertInto('member_roles')
          .values(part.map((v) => ({ org_id: actor.orgId, member_id: v.id, role_id: roleId })))
          .execute();
      }
    }
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: 'members.imported',
      target: { type: 'org', id: actor.orgId },
      after: { total: rows.length, created: values.length, withPassword: hashes.size },
    });
  });
  ctx.bus.emit({
    type: 'members.imported',
    orgId: actor.orgId,
    at: now,
    actorId: actor.memberId,
    data: { memberIds: values.map((v) => v.id) },
  });
  return values.length;
}
