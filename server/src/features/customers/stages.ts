/**
 * The stage pipeline every org starts with (线索 → 初次沟通 → 意向 → 报价 → 成交 / 流失), written
 * the first time an org uses customers. A settings row marks that it happened, so an org that
 * renames or removes the defaults never gets them back.
 */
import type { Kysely } from 'kysely';
import type { Ctx } from '../../app/context.js';
import type { Database } from '../../platform/db/schema.js';

export const STAGE_KINDS = ['open', 'won', 'lost'] as const;
export type StageKind = (typeof STAGE_KINDS)[number];

export const DEFAULT_STAGES: readonly { name: string; kind: StageKind }[] = [
  { name: '线索', kind: 'open' },
  { name: '初次沟通', kind: 'open' },
  { name: '意向', kind: 'open' },
  { name: '报价', kind: 'open' },
  { name: '成交', kind: 'won' },
  { name: '流失', kind: 'lost' },
];

type SeedCtx = Pick<Ctx, 'clock' | 'ids'>;

/** Seeds the default stages inside the caller's transaction, once per org. */
export async function seedCustomerSettings(ctx: SeedCtx, tx: Kysely<Database>, orgId: string): Promise<void> {
  const now = ctx.clock.now().toISOString();
  const inserted = await tx
    .insertInto('customer_settings')
    .values({ org_id: orgId, created_at: now })
    .onConflict((oc) => oc.column('org_id').doNothing())
    .returning('org_id')
    .execute();
  if (inserted.length === 0) return;
  await tx
    .insertInto('customer_stages')
    .values(
      DEFAULT_STAGES.map((stage, i) => ({
        id: ctx.ids.next(),
        org_id: orgId,
        name: stage.name,
        kind: stage.kind,
        sort_order: i,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
}

/** Makes sure the org's customer settings exist; a no-op read after the first time. */
export async function ensureCustomerSettings(ctx: Pick<Ctx, 'db' | 'clock' | 'ids'>, orgId: string): Promise<void> {
  const found = await ctx.db
    .selectFrom('customer_settings')
    .select('org_id')
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  if (found) return;
  await ctx.db.transaction().execute((tx) => seedCustomerSettings(ctx, tx, orgId));
}
