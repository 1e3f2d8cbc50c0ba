/** Customer groups the actor may see, with their head counts, and one group's auto-replies. */
import type { Ctx } from '../../app/context.js';
import type { Actor } from '../../authz/actor.js';
import { reachCovers, reachOf } from '../../authz/may.js';
import { type AutoReplyRule, parseAutoReplies } from './auto-reply-rules.js';
import { departmentsOf, visibleCustomerGroup } from './group-access.js';

export type CustomerGroupSummary = {
  id: string;
  name: string;
  owner: { id: string; name: string } | null;
  /** Colleagues in the group, and customers (external participants). */
  staffCount: number;
  customerCount: number;
  autoReplyCount: number;
  flaggedAt: string;
  /** The actor may change its settings (owner or admin of the group). */
  manageable: boolean;
};

const byPinyin = new Intl.Collator('zh-CN');

export async function listCustomerGroups(ctx: Ctx, actor: Actor): Promise<{ items: CustomerGroupSummary[] }> {
  const rows = await ctx.db
    .selectFrom('customer_groups as g')
    .innerJoin('conversations as c', 'c.id', 'g.conversation_id')
    .leftJoin('members as o', 'o.id', 'c.owner_id')
    .leftJoin('conversation_members as me', (j) =>
      j.onRef('me.conversation_id', '=', 'g.conversation_id').on('me.member_id', '=', actor.memberId),
    )
    .select(['c.id', 'c.name', 'c.owner_id', 'o.name as owner_name', 'g.auto_replies', 'g.flagged_at', 'me.role'])
    .where('g.org_id', '=', actor.orgId)
    .where('c.status', '=', 'active')
    .execute();
  const reach = await reachOf(ctx, actor, 'customer.view');
  const ownerIds = [...new Set(rows.flatMap((r) => (r.owner_id && !r.role ? [r.owner_id] : [])))];
  const departments = reach ? await departmentsOf(ctx.db, actor.orgId, ownerIds) : new Map<string, string[]>();
  const visible = rows.filter(
    (r) =>
      r.role !== null ||
      (reach !== null &&
        r.owner_id !== null &&
        reachCovers(reach, { kind: 'member', id: r.owner_id, departmentIds: departments.get(r.owner_id) ?? [] })),
  );
  const counts = new Map<string, { staff: number; guests: number }>();
  if (visible.length > 0) {
    const rowsOfCounts = await ctx.db
      .selectFrom('conversation_members as cm')
      .innerJoin('members as m', 'm.id', 'cm.member_id')
      .select((eb) => ['cm.conversation_id', 'm.kind', eb.fn.countAll<string | number>().as('n')])
      .where('cm.org_id', '=', actor.orgId)
      .where(
        'cm.conversation_id',
        'in',
        visible.map((r) => r.id),
      )
      .groupBy(['cm.conversation_id', 'm.kind'])
      .execute();
    for (const c of rowsOfCounts) {
      const entry = counts.get(c.conversation_id) ?? { staff: 0, guests: 0 };
      if (c.kind === 'guest') entry.guests += Number(c.n);
      else entry.staff += Number(c.n);
      counts.set(c.conversation_id, entry);
    }
  }
  const items = visible.map((r) => ({
    id: r.id,
    name: r.name ?? '',
    owner: r.owner_id ? { id: r.owner_id, name: r.owner_name ?? '' } : null,
    staffCount: counts.get(r.id)?.staff ?? 0,
    customerCount: counts.get(r.id)?.guests ?? 0,
    autoReplyCount: parseAutoReplies(r.auto_replies).length,
    flaggedAt: r.flagged_at,
    manageable: r.role === 'owner' || r.role === 'admin',
  }));
  return { items: items.sort((a, b) => byPinyin.compare(a.name, b.name)) };
}

export async function readAutoReplies(ctx: Ctx, actor: Actor, id: string): Promise<{ rules: AutoReplyRule[] }> {
  const group = await visibleCustomerGroup(ctx, actor, id);
  return { rules: parseAutoReplies(group.autoReplies) };
}
