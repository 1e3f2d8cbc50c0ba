/**
 * Who sees and decides a mass message: its author; members whose `mass_message.approve` reaches
 * the author (supervisors over the author's department); holders of `mass_message.manage`; and
 * owners with customers among its recipients (to confirm their part). Anyone else gets 404.
 */
import type { Kysely } from 'kysely';
import type { Ctx } from '../../app/context.js';
import type { Actor } from '../../authz/actor.js';
import { loadActor } from '../../authz/actor.js';
import { may, type Resource } from '../../authz/may.js';
import type { MassMessageTable } from '../../platform/db/mass-message-tables.js';
import type { Database } from '../../platform/db/schema.js';
import { notFound } from '../../platform/errors.js';

type Db = Kysely<Database>;

/** The author as a resource the approve permission must reach. */
export async function memberResource(db: Db, orgId: string, memberId: string): Promise<Resource> {
  const rows = await db
    .selectFrom('member_departments')
    .select('department_id')
    .where('org_id', '=', orgId)
    .where('member_id', '=', memberId)
    .execute();
  return { kind: 'member', id: memberId, departmentIds: rows.map((r) => r.department_id) };
}

/** Whether the actor may approve or reject what this author submitted (never their own). */
export async function mayApprove(ctx: Pick<Ctx, 'db'>, actor: Actor, authorId: string): Promise<boolean> {
  if (actor.memberId === authorId) return false;
  return may(ctx, actor, 'mass_message.approve', await memberResource(ctx.db, actor.orgId, authorId));
}

export async function findMassMessage(db: Db, orgId: string, id: string): Promise<MassMessageTable | undefined> {
  return db.selectFrom('mass_messages').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

async function ownsRecipients(db: Db, actor: Actor, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('mass_message_recipients')
    .select('customer_id')
    .where('org_id', '=', actor.orgId)
    .where('mass_message_id', '=', id)
    .where('owner_id', '=', actor.memberId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The mass message if the actor may see it; 404 otherwise (another org's, someone else's draft, not theirs to see). */
export async function loadVisibleMassMessage(ctx: Pick<Ctx, 'db'>, actor: Actor, id: string) {
  const row = await findMassMessage(ctx.db, actor.orgId, id);
  if (!row) throw notFound('mass message');
  if (row.author_id === actor.memberId) return row;
  // A draft is its author's alone.
  if (row.status === 'draft') throw notFound('mass message');
  if (await may(ctx, actor, 'mass_message.manage')) return row;
  if (await mayApprove(ctx, actor, row.author_id)) return row;
  if (await ownsRecipients(ctx.db, actor, id)) return row;
  throw notFound('mass message');
}

/** Active staff who may approve what this author submits (for the "awaiting approval" notice). */
export async function approversOf(ctx: Pick<Ctx, 'db'>, orgId: string, authorId: string): Promise<string[]> {
  const candidates = await ctx.db
    .selectFrom('member_roles as mr')
    .innerJoin('role_permissions as rp', (j) =>
      j.onRef('rp.role_id', '=', 'mr.role_id').onRef('rp.org_id', '=', 'mr.org_id'),
    )
    .innerJoin('members as m', (j) => j.onRef('m.id', '=', 'mr.member_id').onRef('m.org_id', '=', 'mr.org_id'))
    .select('mr.member_id')
    .distinct()
    .where('mr.org_id', '=', orgId)
    .where('rp.permission', '=', 'mass_message.approve')
    .where('m.status', '=', 'active')
    .where('m.kind', '=', 'staff')
    .where('mr.member_id', '!=', authorId)
    .execute();
  const meta = { ip: null, userAgent: null, requestId: null };
  const out: string[] = [];
  for (const { member_id } of candidates) {
    const actor = await loadActor(ctx.db, orgId, member_id, { kind: 'member' }, meta);
    if (actor && (await mayApprove(ctx, actor, authorId))) out.push(member_id);
  }
  return out.sort();
}
