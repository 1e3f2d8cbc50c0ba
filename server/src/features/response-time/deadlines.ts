/** When a customer message's wait passes the target (owner alert) and twice it (supervisor alert). */
import { ESCALATION_MULTIPLE, type ResponseSettings } from './settings.js';
import { addWorkingMs } from './working-time.js';

const MINUTE_MS = 60_000;

export type Deadlines = { ownerDueAt: string | null; supervisorDueAt: string | null };

export function deadlinesOf(askedAt: string, settings: ResponseSettings): Deadlines {
  const asked = new Date(askedAt);
  const target = settings.targetMinutes * MINUTE_MS;
  return {
    ownerDueAt: addWorkingMs(asked, target, settings)?.toISOString() ?? null,
    supervisorDueAt: addWorkingMs(asked, target * ESCALATION_MULTIPLE, settings)?.toISOString() ?? null,
  };
}
