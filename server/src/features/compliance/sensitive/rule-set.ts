/**
 * Each org's rules in force, with their lexicons compiled, held in memory per server. Every
 * lexicon or rule change bumps the org's rule-set version in the database; the send path reads
 * that one number per message and reloads the rules only when it moved, so a change made on any
 * node takes effect on the next message everywhere, without a restart. Lexicons compile through
 * the engine's LexiconRegistry by (id, version): an unchanged lexicon is never compiled twice,
 * and a scan already running finishes with the matcher it holds.
 */
import type { SensitiveAction, SensitiveScope } from '@concord/protocol';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.js';
import { type DetectorKind, type LexiconCategory, LexiconRegistry, type Matcher } from '../engine/index.js';
import { ruleSetVersion, stringsOf } from './queries.js';

export type ActiveRule = {
  id: string;
  name: string;
  action: SensitiveAction;
  scope: SensitiveScope;
  departmentIds: readonly string[];
  lexiconIds: readonly string[];
  detectors: readonly DetectorKind[];
};

export type RuleSet = {
  readonly version: number;
  /** Enabled rules only. */
  readonly rules: readonly ActiveRule[];
  /** The compiled lexicons the rules name, by lexicon id. */
  readonly matchers: ReadonlyMap<string, Matcher>;
};

const EMPTY: RuleSet = Object.freeze({ version: 0, rules: [], matchers: new Map() });

export class SensitiveRuleSets {
  readonly registry = new LexiconRegistry();
  private readonly held = new Map<string, RuleSet>();
  private readonly loading = new Map<string, Promise<RuleSet>>();

  /** The org's rule set as of now: one indexed read when nothing changed. */
  async current(db: Kysely<Database>, orgId: string): Promise<RuleSet> {
    const version = await ruleSetVersion(db, orgId);
    if (version === 0) return EMPTY;
    const held = this.held.get(orgId);
    if (held && held.version >= version) return held;
    const key = `${orgId}\u0000${version}`;
    let job = this.loading.get(key);
    if (!job) {
      job = this.load(db, orgId, version).finally(() => this.loading.delete(key));
      this.loading.set(key, job);
    }
    return job;
  }

  private async load(db: Kysely<Database>, orgId: string, version: number): Promise<RuleSet> {
    const rows = await db
      .selectFrom('sensitive_rules')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('enabled', '=', 1)
      .orderBy('id')
      .execute();
    const rules: ActiveRule[] = rows.map((r) => ({
      id: r.id,
      name: r.name,
      action: r.action as SensitiveAction,
      scope: r.scope as SensitiveScope,
      departmentIds: stringsOf(r.department_ids),
      lexiconIds: stringsOf(r.lexicon_ids),
      detectors: stringsOf(r.detectors) as DetectorKind[],
    }));
    const ids = [...new Set(rules.flatMap((r) => r.lexiconIds))];
    const versions =
      ids.length === 0
        ? []
        : await db
            .selectFrom('sensitive_lexicons')
            .select(['id', 'version'])
            .where('org_id', '=', orgId)
            .where('id', 'in', ids)
            .execute();
    const matchers = new Map<string, Matcher>();
    for (const row of versions) {
      const compiled = await this.registry.resolve(row.id, Number(row.version), async () => {
        const lexicon = await db
          .selectFrom('sensitive_lexicons')
          .select(['words', 'category'])
          .where('id', '=', row.id)
          .executeTakeFirst();
        const category = (lexicon?.category ?? 'custom') as LexiconCategory;
        return stringsOf(lexicon?.words ?? '[]').map((word) => ({ word, category }));
      });
      matchers.set(row.id, compiled.matcher);
    }
    const set: RuleSet = Object.freeze({ version, rules, matchers });
    const previous = this.held.get(orgId);
    if (previous && previous.version >= version) return previous;
    // Lexicons no rule of the org names any more need not stay compiled on this node.
    for (const id of previous?.matchers.keys() ?? []) if (!matchers.has(id)) this.registry.evict(id);
    this.held.set(orgId, set);
    return set;
  }
}
