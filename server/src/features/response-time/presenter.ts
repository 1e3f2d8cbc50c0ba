/** Response-time settings → API shape. */
import type { ResponseSettingsOutput } from './schemas.js';
import { ESCALATION_MULTIPLE, hhmmOf, type ResponseSettings } from './settings.js';

export function presentSettings(s: ResponseSettings): ResponseSettingsOutput {
  return {
    workDays: [...s.days].sort((a, b) => a - b),
    startTime: hhmmOf(s.startMinute),
    endTime: hhmmOf(s.endMinute),
    timeZone: s.timeZone,
    targetMinutes: s.targetMinutes,
    escalationMinutes: s.targetMinutes * ESCALATION_MULTIPLE,
    updatedAt: s.updatedAt,
  };
}
