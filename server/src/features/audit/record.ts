/**
 * Appends one audit entry. Entries are never updated or deleted: the table itself refuses it.
 * Pass the transaction of the change being recorded so the change and its entry land together.
 */
import type { AuditAction } from '@concord/protocol';
import type { Kysely } from 'kysely';
import type { Ctx } from '../../app/context.js';
import type { Actor, RequestMeta } from '../../authz/actor.js';
import type { Database } from '../../platform/db/schema.js';

/** Who did it: a signed-in actor, or an anonymous caller (a failed sign-in) or the system. */
export type AuditWho =
  | Actor
  | { kind: 'anonymous' | 'system'; memberId?: string | null; name?: string | null; meta: RequestMeta };

export type AuditTarget = { type: string; id: string; label?: string | null };

export type AuditInput = {
  orgId: string;
  who: AuditWho;
  action: AuditAction;
  target?: AuditTarget | null;
  before?: unknown;
  after?: unknown;
  /** A pre-generated id, when the caller needs to know it (e.g. as a pagination bound). */
  id?: string;
};

const json = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));

export async function recordAudit(
  ctx: Pick<Ctx, 'clock' | 'ids'>,
  db: Kysely<Database>,
  input: AuditInput,
): Promise<void> {
  const { who } = input;
  const id = input.id ?? ctx.ids.next();
  await db
    .insertInto('audit_log')
    .values({
      id,
      org_id: input.orgId,
      at: ctx.clock.now().toISOString(),
      actor_id: who.memberId ?? null,
      actor_name: who.name ?? null,
      actor_kind: who.kind,
      action: input.action,
      target_type: input.target?.type ?? null,
      target_id: input.target?.id ?? null,
      target_label: input.target?.label ?? null,
      before: json(input.before),
      after: json(input.after),
      ip: who.meta.ip,
      user_agent: who.meta.userAgent?.slice(0, 500) ?? null,
      request_id: who.meta.requestId,
    })
    .execute();
}
