/** The notices a mass message's steps send (notifications words and delivers them). */
import type { NotificationKind } from '@concord/protocol';
import type { Ctx } from '../../app/context.js';

const EXCERPT_MAX = 60;

/** The start of a text, for audit labels and notices. */
export const excerptOf = (text: string): string => [...text].slice(0, EXCERPT_MAX).join('');

export function emitNotice(
  ctx: Pick<Ctx, 'bus' | 'clock'>,
  n: {
    orgId: string;
    kind: NotificationKind;
    massMessageId: string;
    memberIds: readonly string[];
    authorName: string;
    text: string;
    reason?: string | null;
  },
): void {
  if (n.memberIds.length === 0) return;
  ctx.bus.emit({
    type: 'mass_message.notice',
    orgId: n.orgId,
    at: ctx.clock.now().toISOString(),
    actorId: null,
    data: {
      kind: n.kind,
      massMessageId: n.massMessageId,
      memberIds: [...n.memberIds],
      authorName: n.authorName,
      excerpt: excerptOf(n.text),
      reason: n.reason ?? null,
    },
  });
}
