/**
 * Tells the members of a group that an external participant's archive consent changed, so the
 * banner above their composer (not archived / cannot send until they agree) updates at once.
 * Emitted after the consent's transaction commits; the realtime gateway fans it out.
 */
import type { Ctx } from '../../../app/context.js';

export const CONSENT_EVENT = 'compliance.consent_changed';

export function announceConsentChange(
  ctx: Pick<Ctx, 'bus' | 'clock'>,
  change: { orgId: string; conversationId: string; subjectId: string },
): void {
  ctx.bus.emit({
    type: CONSENT_EVENT,
    orgId: change.orgId,
    at: ctx.clock.now().toISOString(),
    actorId: change.subjectId,
    data: { conversationId: change.conversationId, subjectId: change.subjectId },
  });
}
