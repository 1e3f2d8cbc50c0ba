/**
 * Creating, changing and deleting an org's lexicons (archive.manage; audited). Every change
 * bumps the lexicon's version and the org's rule-set version in the same transaction, so the
 * next message on any node compiles and uses the new words. A lexicon a rule still names cannot
 * be deleted.
 */
import { SENSITIVE_LIMITS } from '@concord/protocol';
import type { Kysely } from 'kysely';
import type { Ctx } from '../../../../app/context.js';
import type { Actor } from '../../../../authz/actor.js';
import { assertMay } from '../../../../authz/may.js';
import type { Database, SensitiveLexiconTable } from '../../../../platform/db/schema.js';
import { conflict, invalid, limitExceeded, notFound } from '../../../../platform/errors.js';
import { recordAudit } from '../../../audit/index.js';
import { cleanLexiconWords } from '../lexicon-words.js';
import { sensitiveRuleSetsOf } from '../message-check.js';
import { bumpRuleSetVersion, findLexicon, stringsOf } from '../queries.js';
import type { CreateLexiconInput, UpdateLexiconInput } from '../schemas.js';

/** Words listed in an audit entry's added/removed, at most. */
const AUDIT_WORDS = 100;

function summary(row: SensitiveLexiconTable) {
  return { name: row.name, category: row.category, version: row.version, wordCount: row.word_count };
}

function wordChanges(before: readonly string[], after: readonly string[]) {
  const was = new Set(before);
  const now = new Set(after);
  return {
    added: after.filter((w) => !was.has(w)).slice(0, AUDIT_WORDS),
    removed: before.filter((w) => !now.has(w)).slice(0, AUDIT_WORDS),
  };
}

async function assertNameFree(db: Kysely<Database>, orgId: string, name: string, exceptId: string | null) {
  if (name === '') throw invalid('The name is empty', { field: 'name' });
  const taken = await db
    .selectFrom('sensitive_lexicons')
    .select('id')
    .where('org_id', '=', orgId)
    .where('name', '=', name)
    .executeTakeFirst();
  if (taken && taken.id !== exceptId) throw conflict('A lexicon with this name already exists', { field: 'name' });
}

export async function createLexicon(ctx: Ctx, actor: Actor, input: CreateLexiconInput): Promise<SensitiveLexiconTable> {
  await assertMay(ctx, actor, 'archive.manage');
  const name = input.name.trim();
  const { words } = cleanLexiconWords(input.words);
  const now = ctx.clock.now().toISOString();
  const row: SensitiveLexiconTable = {
    id: ctx.ids.next(),
    org_id: actor.orgId,
    name,
    category: input.category,
    version: 1,
    words: JSON.stringify(words),
    word_count: words.length,
    created_at: now,
    updated_at: now,
    updated_by: actor.memberId,
  };
  await ctx.db.transaction().execute(async (tx) => {
    const count = await tx
      .selectFrom('sensitive_lexicons')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('org_id', '=', actor.orgId)
      .executeTakeFirst();
    if (Number(count?.n ?? 0) >= SENSITIVE_LIMITS.lexiconsPerOrg) {
      throw limitExceeded(`An organization can have at most ${SENSITIVE_LIMITS.lexiconsPerOrg} lexicons`, {
        max: SENSITIVE_LIMITS.lexiconsPerOrg,
      });
    }
    await assertNameFree(tx, actor.orgId, name, null);
    await tx.insertInto('sensitive_lexicons').values(row).execute();
    await bumpRuleSetVersion(tx, actor.orgId, now);
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: 'compliance.lexicon_created',
      target: { type: 'sensitive_lexicon', id: row.id, label: name },
      after: { ...summary(row), ...wordChanges([], words) },
    });
  });
  return row;
}

export async function updateLexicon(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: UpdateLexiconInput,
): Promise<SensitiveLexiconTable> {
  await assertMay(ctx, actor, 'archive.manage');
  const cleaned = input.words ? cleanLexiconWords(input.words).words : null;
  const now = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (tx) => {
    const before = await findLexicon(tx, actor.orgId, id);
    if (!before) throw notFound('lexicon');
    const name = input.name?.trim() ?? before.name;
    if (name !== before.name) await assertNameFree(tx, actor.orgId, name, id);
    const oldWords = stringsOf(before.words);
    const words = cleaned ?? oldWords;
    const changed =
      name !== before.name ||
      (input.category ?? before.category) !== before.category ||
      JSON.stringify(words) !== JSON.stringify(oldWords);
    if (!changed) return before;
    const updated = await tx
      .updateTable('sensitive_lexicons')
      .set((eb) => ({
        name,
        category: input.category ?? before.category,
        words: JSON.stringify(words),
        word_count: words.length,
        version: eb('version', '+', 1),
        updated_at: now,
        updated_by: actor.memberId,
      }))
      .where('org_id', '=', actor.orgId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const after = { ...updated, version: Number(updated.version), word_count: Number(updated.word_count) };
    await bumpRuleSetVersion(tx, actor.orgId, now);
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: 'compliance.lexicon_updated',
      target: { type: 'sensitive_lexicon', id, label: name },
      before: summary(before),
      after: { ...summary(after), ...wordChanges(oldWords, words) },
    });
    return after;
  });
}

export async function deleteLexicon(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  await assertMay(ctx, actor, 'archive.manage');
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    const before = await findLexicon(tx, actor.orgId, id);
    if (!before) throw notFound('lexicon');
    const rules = await tx
      .selectFrom('sensitive_rules')
      .select(['id', 'name', 'lexicon_ids'])
      .where('org_id', '=', actor.orgId)
      .execute();
    const using = rules.filter((r) => stringsOf(r.lexicon_ids).includes(id));
    if (using.length > 0) {
      throw conflict('Rules still use this lexicon; take it out of them first', {
        rules: using.map((r) => ({ id: r.id, name: r.name })),
      });
    }
    await tx.deleteFrom('sensitive_lexicons').where('org_id', '=', actor.orgId).where('id', '=', id).execute();
    await bumpRuleSetVersion(tx, actor.orgId, now);
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: 'compliance.lexicon_deleted',
      target: { type: 'sensitive_lexicon', id, label: before.name },
      before: summary(before),
    });
  });
  sensitiveRuleSetsOf(ctx).registry.evict(id);
}
