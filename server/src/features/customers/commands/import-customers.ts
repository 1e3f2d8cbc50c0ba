/**
 * Bulk import of customers from CSV (UTF-8, BOM or not, or GBK) or XLSX, read the way the member
 * import reads. A dry run only validates; a real run writes every row in one transaction, or
 * nothing at all when any row is bad. Rows without an owner go to the importer.
 */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import type { CustomerTable } from '../../../platform/db/customer-tables.js';
import { conflict, invalid, limitExceeded } from '../../../platform/errors.js';
import { pinyinKeys } from '../../../platform/text/pinyin.js';
import { recordAudit } from '../../audit/record.js';
import { normalizeEmail, normalizeMobile, readTable } from '../../directory/index.js';
import { fieldDef } from '../custom-fields.js';
import { cellAt, mapColumns } from '../import/columns.js';
import { type RowError, type ValidRow, validateRows } from '../import/validate-rows.js';
import { listFields, listStages, type StageRow } from '../queries.js';
import { ensureCustomerSettings } from '../stages.js';
import { customerViewer, type Viewer } from '../viewer.js';
import { importResolvers } from './import-resolvers.js';

export const MAX_IMPORT_ROWS = 5000;
const CHUNK = 200;

export type ImportOptions = { dryRun: boolean; allowDuplicates: boolean };
export type ImportOutcome = { dryRun: boolean; total: number; valid: number; errors: RowError[]; created: number };

export async function importCustomers(
  ctx: Ctx,
  actor: Actor,
  file: Uint8Array,
  options: ImportOptions,
): Promise<ImportOutcome> {
  const viewer = await customerViewer(ctx, actor);
  const table = await readTable(file);
  if (table.rows.length > MAX_IMPORT_ROWS) {
    throw limitExceeded(`An import holds at most ${MAX_IMPORT_ROWS} rows; this file has ${table.rows.length}`, {
      max: MAX_IMPORT_ROWS,
      rows: table.rows.length,
    });
  }
  if (table.rows.length === 0) throw invalid('The file has a header but no rows', { field: 'file' });
  await ensureCustomerSettings(ctx, actor.orgId);
  const fields = (await listFields(ctx.db, actor.orgId)).map(fieldDef);
  const columns = mapColumns(table.header.cells, fields);
  const stages = await listStages(ctx.db, actor.orgId);

  const cells = (index: number | undefined) => table.rows.map((r) => cellAt(r.cells, index)).filter(Boolean);
  const mobiles = cells(columns.base.mobile).flatMap((m) => normalizeMobile(m) ?? []);
  const emails = cells(columns.base.email).flatMap((e) => normalizeEmail(e) ?? []);
  const resolvers = await importResolvers(ctx, viewer, stages, cells(columns.base.owner));
  const existing = options.allowDuplicates
    ? { mobiles: new Set<string>(), emails: new Set<string>() }
    : await existingContacts(ctx.db, actor.orgId, mobiles, emails);

  const { rows, errors } = validateRows(table.rows, columns, {
    fields,
    ...resolvers,
    existingMobiles: existing.mobiles,
    existingEmails: existing.emails,
  });
  const outcome: ImportOutcome = {
    dryRun: options.dryRun,
    total: table.rows.length,
    valid: rows.length,
    errors,
    created: 0,
  };
  if (options.dryRun) return outcome;
  if (errors.length > 0) throw invalid(`${errors.length} problem(s) in the file; nothing was imported`, outcome);
  const created = await writeRows(ctx, viewer, rows, stages, options, { mobiles, emails });
  return { ...outcome, created };
}

async function existingContacts(
  db: Ctx['db'],
  orgId: string,
  mobiles: readonly string[],
  emails: readonly string[],
): Promise<{ mobiles: Set<string>; emails: Set<string> }> {
  const out = { mobiles: new Set<string>(), emails: new Set<string>() };
  for (const [column, values, into] of [
    ['mobile', mobiles, out.mobiles],
    ['email', emails, out.emails],
  ] as const) {
    for (let i = 0; i < values.length; i += 500) {
      const rows = await db
        .selectFrom('customers')
        .select(column)
        .where('org_id', '=', orgId)
        .where('deleted_at', 'is', null)
        .where(column, 'in', values.slice(i, i + 500))
        .execute();
      for (const row of rows) if (row[column]) into.add(row[column] as string);
    }
  }
  return out;
}

async function writeRows(
  ctx: Ctx,
  viewer: Viewer,
  rows: readonly ValidRow[],
  stages: readonly StageRow[],
  options: ImportOptions,
  contacts: { mobiles: string[]; emails: string[] },
): Promise<number> {
  const now = ctx.clock.now().toISOString();
  const firstOpen = stages.find((s) => s.kind === 'open') ?? null;
  const byId = new Map(stages.map((s) => [s.id, s]));
  const values: CustomerTable[] = rows.map((row) => {
    const keys = pinyinKeys(row.name);
    return {
      id: ctx.ids.next(),
      org_id: viewer.orgId,
      name: row.name,
      name_pinyin: keys.pinyin,
      name_initials: keys.initials,
      company: row.company,
      title: row.title,
      mobile: row.mobile,
      email: row.email,
      gender: row.gender,
      region: row.region,
      source: 'import',
      remark: row.remark,
      custom_fields: JSON.stringify(row.customFields),
      stage_id: row.stageId ?? firstOpen?.id ?? null,
      owner_id: row.ownerId ?? viewer.memberId,
      created_by: viewer.memberId,
      created_at: now,
      updated_at: now,
      deleted_at: null,
      deleted_by: null,
      merged_into_id: null,
    };
  });

  await ctx.db.transaction().execute(async (tx) => {
    if (!options.allowDuplicates) {
      // Someone may have added one of these customers since validation; refuse rather than half-import.
      const clash = await existingContacts(tx, viewer.orgId, contacts.mobiles, contacts.emails);
      if (clash.mobiles.size + clash.emails.size > 0) {
        throw conflict('A customer in the file was added meanwhile; run the import again');
      }
    }
    for (let i = 0; i < values.length; i += CHUNK) {
      const part = values.slice(i, i + CHUNK);
      const partRows = rows.slice(i, i + CHUNK);
      await tx.insertInto('customers').values(part).execute();
      const links = part.flatMap((c, j) =>
        (partRows[j]?.tagIds ?? []).map((tagId) => ({
          org_id: viewer.orgId,
          customer_id: c.id,
          tag_id: tagId,
          added_by: viewer.memberId,
          added_at: now,
        })),
      );
      if (links.length > 0) await tx.insertInto('customer_tag_links').values(links).execute();
      const moves = part.flatMap((c) => {
        const stage = c.stage_id ? byId.get(c.stage_id) : undefined;
        if (!stage) return [];
        return [
          {
            id: ctx.ids.next(),
            org_id: viewer.orgId,
            customer_id: c.id,
            from_stage_id: null,
            from_name: null,
            to_stage_id: stage.id,
            to_name: stage.name,
            actor_id: viewer.memberId,
            actor_name: viewer.actor.name,
            note: null,
            at: now,
          },
        ];
      });
      if (moves.length > 0) await tx.insertInto('customer_stage_moves').values(moves).execute();
    }
    await recordAudit(ctx, tx, {
      orgId: viewer.orgId,
      who: viewer.actor,
      action: 'customers.imported',
      target: { type: 'org', id: viewer.orgId },
      after: { created: values.length, allowDuplicates: options.allowDuplicates },
    });
  });
  ctx.bus.emit({
    type: 'customers.imported',
    orgId: viewer.orgId,
    at: now,
    actorId: viewer.memberId,
    data: { customerIds: values.map((v) => v.id) },
  });
  return values.length;
}
