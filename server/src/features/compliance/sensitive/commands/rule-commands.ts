/**
 * Creating, changing and deleting an org's rules (archive.manage; audited). A rule names
 * lexicons of the org and/or built-in detectors, an action and a scope; it must look for
 * something, and a department scope needs departments of the org. Every change bumps the org's
 * rule-set version in the same transaction, so it applies from the next message on every node.
 */
import { SENSITIVE_LIMITS } from '@concord/protocol';
import type { Kysely } from 'kysely';
import type { Ctx } from '../../../../app/context.js';
import type { Actor } from '../../../../authz/actor.js';
import { loadDepartmentTree } from '../../../../authz/department-tree.js';
import { assertMay } from '../../../../authz/may.js';
import type { Database, SensitiveRuleTable } from '../../../../platform/db/schema.js';
import { conflict, invalid, limitExceeded, notFound } from '../../../../platform/errors.js';
import { recordAudit } from '../../../audit/index.js';
import { presentRule } from '../presenter.js';
import { bumpRuleSetVersion, findRule } from '../queries.js';
import type { CreateRuleInput, UpdateRuleInput } from '../schemas.js';

type RuleFields = Required<Omit<CreateRuleInput, 'departmentIds'>> & { departmentIds: string[] };

/** The rule as it will be stored, checked against the org's lexicons and departments. */
async function checkedFields(db: Kysely<Database>, orgId: string, fields: RuleFields): Promise<RuleFields> {
  const name = fields.name.trim();
  if (name === '') throw invalid('The name is empty', { field: 'name' });
  const lexiconIds = [...new Set(fields.lexiconIds)];
  const detectors = [...new Set(fields.detectors)];
  if (lexiconIds.length === 0 && detectors.length === 0) {
    throw invalid('A rule needs at least one lexicon or detector', { field: 'lexiconIds' });
  }
  if (lexiconIds.length > 0) {
    const found = await db
      .selectFrom('sensitive_lexicons')
      .select('id')
      .where('org_id', '=', orgId)
      .where('id', 'in', lexiconIds)
      .execute();
    const known = new Set(found.map((r) => r.id));
    const unknown = lexiconIds.filter((id) => !known.has(id));
    if (unknown.length > 0) throw notFound('lexicon', { field: 'lexiconIds', ids: unknown });
  }
  const departmentIds = fields.scope === 'departments' ? [...new Set(fields.departmentIds)] : [];
  if (fields.scope === 'departments') {
    if (departmentIds.length === 0) {
      throw invalid('Choose at least one department for this rule', { field: 'departmentIds' });
    }
    const tree = await loadDepartmentTree(db, orgId);
    const unknown = departmentIds.filter((id) => !tree.parentOf.has(id));
    if (unknown.length > 0) throw notFound('department', { field: 'departmentIds', ids: unknown });
  }
  return { ...fields, name, lexiconIds, detectors, departmentIds };
}

async function assertNameFree(db: Kysely<Database>, orgId: string, name: string, exceptId: string | null) {
  const taken = await db
    .selectFrom('sensitive_rules')
    .select('id')
    .where('org_id', '=', orgId)
    .where('name', '=', name)
    .executeTakeFirst();
  if (taken && taken.id !== exceptId) throw conflict('A rule with this name already exists', { field: 'name' });
}

function columns(fields: RuleFields) {
  return {
    name: fields.name,
    enabled: fields.enabled ? 1 : 0,
    action: fields.action,
    scope: fields.scope,
    department_ids: JSON.stringify(fields.departmentIds),
    lexicon_ids: JSON.stringify(fields.lexiconIds),
    detectors: JSON.stringify(fields.detectors),
  };
}

const audited = (row: SensitiveRuleTable) => {
  const { id: _id, updatedAt: _at, ...rest } = presentRule(row);
  return rest;
};

export async function createRule(ctx: Ctx, actor: Actor, input: CreateRuleInput): Promise<SensitiveRuleTable> {
  await assertMay(ctx, actor, 'archive.manage');
  const now = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (tx) => {
    const fields = await checkedFields(tx, actor.orgId, {
      ...input,
      enabled: input.enabled ?? true,
      departmentIds: input.departmentIds ?? [],
    });
    const count = await tx
      .selectFrom('sensitive_rules')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('org_id', '=', actor.orgId)
      .executeTakeFirst();
    if (Number(count?.n ?? 0) >= SENSITIVE_LIMITS.rulesPerOrg) {
      throw limitExceeded(`An organization can have at most ${SENSITIVE_LIMITS.rulesPerOrg} rules`, {
        max: SENSITIVE_LIMITS.rulesPerOrg,
      });
    }
    await assertNameFree(tx, actor.orgId, fields.name, null);
    const row: SensitiveRuleTable = {
      id: ctx.ids.next(),
      org_id: actor.orgId,
      ...columns(fields),
      created_at: now,
      updated_at: now,
      updated_by: actor.memberId,
    };
    await tx.insertInto('sensitive_rules').values(row).execute();
    await bumpRuleSetVersion(tx, actor.orgId, now);
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: 'compliance.rule_created',
      target: { type: 'sensitive_rule', id: row.id, label: row.name },
      after: audited(row),
    });
    return row;
  });
}

export async function updateRule(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: UpdateRuleInput,
): Promise<SensitiveRuleTable> {
  await assertMay(ctx, actor, 'archive.manage');
  const now = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (tx) => {
    const before = await findRule(tx, actor.orgId, id);
    if (!before) throw notFound('rule');
    const current = presentRule(before);
    const fields = await checkedFields(tx, actor.orgId, {
      name: input.name ?? current.name,
      enabled: input.enabled ?? current.enabled,
      lexiconIds: input.lexiconIds ?? current.lexiconIds,
      detectors: input.detectors ?? current.detectors,
      action: input.action ?? current.action,
      scope: input.scope ?? current.scope,
      departmentIds: input.departmentIds ?? current.departmentIds,
    });
    if (fields.name !== before.name) await assertNameFree(tx, actor.orgId, fields.name, id);
    const after: SensitiveRuleTable = { ...before, ...columns(fields), updated_at: now, updated_by: actor.memberId };
    if (JSON.stringify(audited(after)) === JSON.stringify(audited(before))) return before;
    await tx
      .updateTable('sensitive_rules')
      .set({ ...columns(fields), updated_at: now, updated_by: actor.memberId })
      .where('org_id', '=', actor.orgId)
      .where('id', '=', id)
      .execute();
    await bumpRuleSetVersion(tx, actor.orgId, now);
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: 'compliance.rule_updated',
      target: { type: 'sensitive_rule', id, label: after.name },
      before: audited(before),
      after: audited(after),
    });
    return after;
  });
}

export async function deleteRule(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  await assertMay(ctx, actor, 'archive.manage');
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    const before = await findRule(tx, actor.orgId, id);
    if (!before) throw notFound('rule');
    await tx.deleteFrom('sensitive_rules').where('org_id', '=', actor.orgId).where('id', '=', id).execute();
    await bumpRuleSetVersion(tx, actor.orgId, now);
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: 'compliance.rule_deleted',
      target: { type: 'sensitive_rule', id, label: before.name },
      before: audited(before),
    });
  });
}
