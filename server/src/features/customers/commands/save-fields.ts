/**
 * Replaces the org's custom customer fields (needs customer.manage). A field keeps its id (and
 * so its values) when given; its type cannot change, since stored values would no longer fit.
 * Removed fields stop showing; a select field needs its options.
 */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { assertMay } from '../../../authz/may.js';
import { invalid, notFound } from '../../../platform/errors.js';
import { recordAudit } from '../../audit/record.js';
import { listFields } from '../queries.js';
import type { SaveFieldsInput } from '../settings-schemas.js';

export async function saveFields(ctx: Ctx, actor: Actor, input: SaveFieldsInput): Promise<void> {
  await assertMay(ctx, actor, 'customer.manage');
  const fields = input.fields.map((f, i) => {
    const options = f.type === 'select' ? (f.options ?? []).map((o) => o.trim()) : [];
    if (f.type === 'select' && options.length === 0) {
      throw invalid('A select field needs at least one option', { field: `fields.${i}.options`, reason: 'required' });
    }
    return { ...f, name: f.name.trim(), options, required: f.required ?? false };
  });
  const names = fields.map((f) => f.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) throw invalid(`Two fields are named "${twice}"`, { field: 'fields', reason: 'duplicate_name' });
  const ids = fields.flatMap((f) => (f.id ? [f.id] : []));
  if (new Set(ids).size !== ids.length) throw invalid('A field appears twice', { field: 'fields' });
  const now = ctx.clock.now().toISOString();

  await ctx.db.transaction().execute(async (tx) => {
    const current = await listFields(tx, actor.orgId);
    for (const [i, field] of fields.entries()) {
      if (!field.id) continue;
      const existing = current.find((c) => c.id === field.id);
      if (!existing) throw notFound('field', { field: `fields.${i}.id` });
      if (existing.type !== field.type) {
        throw invalid('A field’s type cannot change; add a new field instead', {
          field: `fields.${i}.type`,
          reason: 'type_change',
        });
      }
    }
    const removed = current.filter((c) => !ids.includes(c.id)).map((c) => c.id);
    if (removed.length > 0) {
      await tx.deleteFrom('customer_fields').where('org_id', '=', actor.orgId).where('id', 'in', removed).execute();
    }
    for (const [i, field] of fields.entries()) {
      const values = {
        name: field.name,
        type: field.type,
        options: JSON.stringify(field.options),
        required: field.required ? 1 : 0,
        sort_order: i,
        updated_at: now,
      };
      if (field.id) {
        await tx
          .updateTable('customer_fields')
          .set(values)
          .where('org_id', '=', actor.orgId)
          .where('id', '=', field.id)
          .execute();
      } else {
        await tx
          .insertInto('customer_fields')
          .values({ ...values, id: ctx.ids.next(), org_id: actor.orgId, created_at: now })
          .execute();
      }
    }
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: 'customer.fields_changed',
      target: { type: 'org', id: actor.orgId },
      before: current.map((c) => ({ id: c.id, name: c.name, type: c.type, required: c.required === 1 })),
      after: fields.map((f) => ({ id: f.id ?? null, name: f.name, type: f.type, required: f.required })),
    });
  });
}
