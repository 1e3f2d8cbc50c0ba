/**
 * One alert per rule a message hit, whatever its action: written in the transaction that stores
 * the message (or, for a blocked message, in its own), then announced on the bus as
 * `compliance.alert` so the realtime gateway can tell the auditors who may see it.
 */
import type { SensitiveAction, SensitiveAlertNotice } from '@concord/protocol';
import type { Kysely } from 'kysely';
import type { Ctx } from '../../../app/context.js';
import type { Database, SensitiveAlertTable } from '../../../platform/db/schema.js';
import type { RuleHit } from './apply-rules.js';

/** The bus event of a new alert (data: alert, senderDepartmentIds). */
export const ALERT_EVENT = 'compliance.alert';

export type AlertDraft = Omit<SensitiveAlertTable, 'message_id'>;

export function alertDrafts(
  ctx: Pick<Ctx, 'clock' | 'ids'>,
  input: {
    orgId: string;
    conversationId: string;
    sender: { id: string; name: string };
    source: 'send' | 'edit';
    text: string;
    outcome: SensitiveAction;
    ruleHits: readonly RuleHit[];
  },
): AlertDraft[] {
  const at = ctx.clock.now().toISOString();
  return input.ruleHits.map(({ rule, hits }) => ({
    id: ctx.ids.next(),
    org_id: input.orgId,
    rule_id: rule.id,
    rule_name: rule.name,
    action: rule.action,
    outcome: input.outcome,
    source: input.source,
    conversation_id: input.conversationId,
    sender_id: input.sender.id,
    sender_name: input.sender.name,
    body: input.text,
    hits: JSON.stringify(hits),
    status: 'new',
    note: null,
    reviewed_by: null,
    reviewed_at: null,
    created_at: at,
  }));
}

export async function insertAlerts(
  tx: Kysely<Database>,
  drafts: readonly AlertDraft[],
  messageId: string | null,
): Promise<void> {
  if (drafts.length === 0) return;
  await tx
    .insertInto('sensitive_alerts')
    .values(drafts.map((d) => ({ ...d, message_id: messageId })))
    .execute();
}

/** After the commit: one bus event per alert, carrying what deciding who may see it needs. */
export function announceAlerts(
  ctx: Pick<Ctx, 'bus'>,
  drafts: readonly AlertDraft[],
  senderDepartmentIds: readonly string[],
): void {
  for (const d of drafts) {
    const alert: SensitiveAlertNotice = {
      id: d.id,
      ruleId: d.rule_id,
      ruleName: d.rule_name,
      action: d.action as SensitiveAction,
      senderId: d.sender_id,
      senderName: d.sender_name,
      conversationId: d.conversation_id,
      createdAt: d.created_at,
    };
    ctx.bus.emit({
      type: ALERT_EVENT,
      orgId: d.org_id,
      at: d.created_at,
      actorId: d.sender_id,
      data: { alert, senderDepartmentIds: [...senderDepartmentIds] },
    });
  }
}
