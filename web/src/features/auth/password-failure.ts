/**
 * Where to show why a password was refused when re-entering or choosing one: under a field
 * (wrong, too weak) or in an Alert (lockout, anything else).
 */
import { lockoutOf } from './lockout';
import { passwordProblem } from './password-error';

export type PasswordFailure =
  | { kind: 'field'; field: string; key: string }
  | { kind: 'alert'; key: string; values?: Record<string, number> }
  | { kind: 'other' };

/** `fallbackField` receives reasons whose details name no field. */
export function passwordFailure(error: unknown, fallbackField: string): PasswordFailure {
  const lockout = lockoutOf(error);
  if (lockout) {
    return lockout.minutes === null
      ? { kind: 'alert', key: 'password.locked' }
      : { kind: 'alert', key: 'password.lockedMinutes', values: { minutes: lockout.minutes } };
  }
  const problem = passwordProblem(error);
  if (problem) return { kind: 'field', field: problem.field ?? fallbackField, key: problem.key };
  return { kind: 'other' };
}
