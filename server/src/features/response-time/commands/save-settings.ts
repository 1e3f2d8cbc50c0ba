/**
 * Saves the org's working hours, time zone and first-response target (needs customer.manage;
 * audited with before and after). Waits still open get their alert times worked out again under
 * the new settings in the same transaction, so the alert job needs no settings of its own.
 */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { assertMay } from '../../../authz/may.js';
import { invalid } from '../../../platform/errors.js';
import { recordAudit } from '../../audit/record.js';
import { deadlinesOf } from '../deadlines.js';
import { presentSettings } from '../presenter.js';
import type { SaveSettingsInput } from '../schemas.js';
import { loadResponseSettings, minuteOf, type ResponseSettings } from '../settings.js';
import { isTimeZone, type Weekday } from '../working-time.js';

function checked(input: SaveSettingsInput, now: string): ResponseSettings {
  const days = [...new Set(input.workDays)].sort((a, b) => a - b) as Weekday[];
  if (days.length !== input.workDays.length) {
    throw invalid('A weekday appears twice', { field: 'workDays', reason: 'duplicate_day' });
  }
  const startMinute = minuteOf(input.startTime);
  const endMinute = minuteOf(input.endTime);
  if (endMinute - startMinute < 30) {
    throw invalid('The working day must end at least 30 minutes after it starts', {
      field: 'endTime',
      reason: 'bad_hours',
    });
  }
  if (!isTimeZone(input.timeZone)) {
    throw invalid('That is not a known time zone', { field: 'timeZone', reason: 'unknown_time_zone' });
  }
  return { days, startMinute, endMinute, timeZone: input.timeZone, targetMinutes: input.targetMinutes, updatedAt: now };
}

export async function saveResponseSettings(ctx: Ctx, actor: Actor, input: SaveSettingsInput) {
  await assertMay(ctx, actor, 'customer.manage');
  const now = ctx.clock.now().toISOString();
  const next = checked(input, now);
  return ctx.db.transaction().execute(async (tx) => {
    const before = await loadResponseSettings(tx, actor.orgId);
    const row = {
      work_days: JSON.stringify(next.days),
      start_minute: next.startMinute,
      end_minute: next.endMinute,
      time_zone: next.timeZone,
      target_minutes: next.targetMinutes,
      updated_by: actor.memberId,
      updated_at: now,
    };
    await tx
      .insertInto('response_time_settings')
      .values({ org_id: actor.orgId, ...row })
      .onConflict((oc) => oc.column('org_id').doUpdateSet(row))
      .execute();
    const open = await tx
      .selectFrom('response_waits')
      .select(['id', 'asked_at'])
      .where('org_id', '=', actor.orgId)
      .where('answered_at', 'is', null)
      .execute();
    for (const wait of open) {
      const due = deadlinesOf(wait.asked_at, next);
      await tx
        .updateTable('response_waits')
        .set({ owner_due_at: due.ownerDueAt, supervisor_due_at: due.supervisorDueAt })
        .where('id', '=', wait.id)
        .execute();
    }
    const { updatedAt: _b, ...was } = presentSettings(before);
    const { updatedAt: _a, ...after } = presentSettings(next);
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: 'response_time.settings_changed',
      target: null,
      before: was,
      after,
    });
    return presentSettings(next);
  });
}
