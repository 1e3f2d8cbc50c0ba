/** Reads of an org's lexicons and rules, and the org's rule-set version every change bumps. */
import { type Kysely, sql } from 'kysely';
import type { Database, SensitiveLexiconTable, SensitiveRuleTable } from '../../../platform/db/schema.js';

type Db = Kysely<Database>;

export type LexiconSummaryRow = Omit<SensitiveLexiconTable, 'words'>;

const SUMMARY_COLUMNS = [
  'id',
  'org_id',
  'name',
  'category',
  'version',
  'word_count',
  'created_at',
  'updated_at',
  'updated_by',
] as const;

/** A JSON array of strings stored in a text column. */
export function stringsOf(json: string): string[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export async function listLexicons(db: Db, orgId: string): Promise<LexiconSummaryRow[]> {
  const rows = await db
    .selectFrom('sensitive_lexicons')
    .select(SUMMARY_COLUMNS)
    .where('org_id', '=', orgId)
    .orderBy('name')
    .execute();
  return rows.map((r) => ({ ...r, version: Number(r.version), word_count: Number(r.word_count) }));
}

export async function findLexicon(db: Db, orgId: string, id: string): Promise<SensitiveLexiconTable | null> {
  const row = await db
    .selectFrom('sensitive_lexicons')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? { ...row, version: Number(row.version), word_count: Number(row.word_count) } : null;
}

export async function listRules(db: Db, orgId: string): Promise<SensitiveRuleTable[]> {
  const rows = await db.selectFrom('sensitive_rules').selectAll().where('org_id', '=', orgId).orderBy('name').execute();
  return rows.map((r) => ({ ...r, enabled: Number(r.enabled) }));
}

export async function findRule(db: Db, orgId: string, id: string): Promise<SensitiveRuleTable | null> {
  const row = await db
    .selectFrom('sensitive_rules')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? { ...row, enabled: Number(row.enabled) } : null;
}

/** The org's rule-set version; 0 when it never had a lexicon or rule. */
export async function ruleSetVersion(db: Db, orgId: string): Promise<number> {
  const row = await db
    .selectFrom('sensitive_rule_sets')
    .select('version')
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return row ? Number(row.version) : 0;
}

/**
 * Moves the org's rule-set version on, inside the transaction of a lexicon or rule change, so
 * every node's send path sees on its next message that its cached rule set is stale.
 */
export async function bumpRuleSetVersion(db: Db, orgId: string, at: string): Promise<void> {
  await db
    .insertInto('sensitive_rule_sets')
    .values({ org_id: orgId, version: 1, updated_at: at })
    .onConflict((oc) =>
      oc.column('org_id').doUpdateSet({ version: sql`sensitive_rule_sets.version + 1`, updated_at: at }),
    )
    .execute();
}
