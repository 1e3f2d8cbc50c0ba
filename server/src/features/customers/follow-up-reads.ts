/** A customer's follow-ups, newest first, for a viewer who sees the customer (a deleted one with customer.delete). */
import type { Ctx } from '../../app/context.js';
import type { Actor } from '../../authz/actor.js';
import { notFound } from '../../platform/errors.js';
import { loadVisibleCustomer } from './access.js';
import { filesOfFollowUps } from './follow-up-files.js';
import type { FollowUpKind, FollowUpOut } from './follow-up-schemas.js';
import { customerViewer } from './viewer.js';

const MAX = 500;

async function followUpsOf(ctx: Ctx, actor: Actor, customerId: string, id?: string): Promise<FollowUpOut[]> {
  const viewer = await customerViewer(ctx, actor);
  const { row } = await loadVisibleCustomer(ctx, ctx.db, viewer, customerId, { deleted: 'include' });
  let query = ctx.db
    .selectFrom('customer_follow_ups as f')
    .innerJoin('members as m', 'm.id', 'f.author_id')
    .select([
      'f.id',
      'f.customer_id',
      'f.kind',
      'f.content',
      'f.happened_at',
      'f.next_at',
      'f.created_at',
      'm.id as author_id',
      'm.name as author_name',
    ])
    .where('f.org_id', '=', viewer.orgId)
    .where('f.customer_id', '=', row.id);
  if (id) query = query.where('f.id', '=', id);
  const rows = await query.orderBy('f.happened_at', 'desc').orderBy('f.id', 'desc').limit(MAX).execute();
  const files = await filesOfFollowUps(
    ctx.db,
    viewer.orgId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    customerId: r.customer_id,
    kind: r.kind as FollowUpKind,
    content: r.content,
    happenedAt: r.happened_at,
    nextAt: r.next_at,
    author: { id: r.author_id, name: r.author_name },
    files: files.get(r.id) ?? [],
    createdAt: r.created_at,
  }));
}

export async function listFollowUps(ctx: Ctx, actor: Actor, customerId: string): Promise<{ items: FollowUpOut[] }> {
  return { items: await followUpsOf(ctx, actor, customerId) };
}

export async function getFollowUp(ctx: Ctx, actor: Actor, customerId: string, id: string): Promise<FollowUpOut> {
  const [found] = await followUpsOf(ctx, actor, customerId, id);
  if (!found) throw notFound('follow-up');
  return found;
}
