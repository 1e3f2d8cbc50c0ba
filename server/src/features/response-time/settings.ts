/**
 * An org's response-time settings as the rest of the feature uses them: working days and hours
 * in a time zone, and the first-response target. Orgs that never saved any get the defaults
 * (Monday–Friday, 09:00–18:00, Asia/Shanghai, 10 minutes). The supervisor hears of a wait at
 * twice the target.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { Weekday, WorkingHours } from './working-time.js';

/** The supervisor is alerted when a wait reaches this many times the target. */
export const ESCALATION_MULTIPLE = 2;

export type ResponseSettings = WorkingHours & { targetMinutes: number; updatedAt: string | null };

export const DEFAULT_SETTINGS: ResponseSettings = {
  days: [1, 2, 3, 4, 5],
  startMinute: 9 * 60,
  endMinute: 18 * 60,
  timeZone: 'Asia/Shanghai',
  targetMinutes: 10,
  updatedAt: null,
};

function parseDays(text: string): Weekday[] {
  try {
    const days: unknown = JSON.parse(text);
    if (Array.isArray(days)) return days.filter((d): d is Weekday => Number.isInteger(d) && d >= 1 && d <= 7);
  } catch {
    // A damaged value falls back to the default days below.
  }
  return [...DEFAULT_SETTINGS.days];
}

/** The org's settings, or the defaults. */
export async function loadResponseSettings(db: Kysely<Database>, orgId: string): Promise<ResponseSettings> {
  const row = await db.selectFrom('response_time_settings').selectAll().where('org_id', '=', orgId).executeTakeFirst();
  if (!row) return DEFAULT_SETTINGS;
  return {
    days: parseDays(row.work_days),
    startMinute: Number(row.start_minute),
    endMinute: Number(row.end_minute),
    timeZone: row.time_zone,
    targetMinutes: Number(row.target_minutes),
    updatedAt: row.updated_at,
  };
}

/** "09:30" → 570; "24:00" → 1440. */
export const minuteOf = (hhmm: string): number => {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return h * 60 + m;
};

/** 570 → "09:30". */
export const hhmmOf = (minute: number): string =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
