/**
 * Mass-message notifications: the approvers of a submitted one, its author once it is decided,
 * and the owners whose part waits for their confirmation. The mass-message feature names the
 * members in `mass_message.notice`; only active staff among them are notified, once each.
 */
import { NOTIFICATION_KINDS, type NotificationKind } from '@concord/protocol';
import type { Ctx } from '../../app/context.js';
import type { DomainEvent } from '../../platform/bus.js';
import { notifyActive } from './handlers.js';

const KINDS = new Set<string>(NOTIFICATION_KINDS);

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

export async function onMassMessageNotice(ctx: Ctx, e: DomainEvent): Promise<void> {
  const kind = str(e.data.kind);
  const massMessageId = str(e.data.massMessageId);
  const memberIds = Array.isArray(e.data.memberIds) ? e.data.memberIds.filter((id) => typeof id === 'string') : [];
  if (!kind || !KINDS.has(kind) || !massMessageId) return;
  await notifyActive(
    ctx,
    memberIds.map((memberId) => ({
      orgId: e.orgId,
      memberId,
      kind: kind as NotificationKind,
      data: {
        massMessageId,
        authorName: str(e.data.authorName) ?? '',
        excerpt: str(e.data.excerpt) ?? '',
        reason: str(e.data.reason),
      },
      link: `/customers/mass-messages/${massMessageId}`,
      dedupeKey: `mass_message:${massMessageId}:${kind}`,
    })),
  );
}
