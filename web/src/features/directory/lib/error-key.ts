/**
 * Picks a specific directory message for the refusals the server explains only in English
 * (409/403/400 with details); null means "use the shared errorText".
 */
type ErrorLike = { status: number; code: string; message: string; details?: unknown };

export type ErrorKey = { key: string; values?: Record<string, number> };

type Details = {
  field?: unknown;
  reason?: unknown;
  children?: unknown;
  members?: unknown;
};

const MESSAGE_KEYS: [RegExp, string][] = [
  [/under itself|own sub-departments/i, 'errors.moveIntoOwnSubtree'],
  [/root department cannot be moved/i, 'errors.rootMove'],
  [/root department cannot be deleted/i, 'errors.rootDelete'],
  [/cannot \w+ yourself/i, 'errors.notYourself'],
  [/last active owner|at least one active owner/i, 'errors.lastOwner'],
  [/already departed/i, 'errors.alreadyDeparted'],
  [/departed member cannot be enabled/i, 'errors.cannotEnableDeparted'],
  [/is disabled, not active/i, 'errors.alreadyDisabled'],
  [/is departed, not active/i, 'errors.alreadyDeparted'],
  [/grant permissions you do not hold/i, 'errors.grantBeyondOwn'],
  [/only an owner/i, 'errors.ownerOnly'],
  [/heads must be active/i, 'errors.headsMustBeActive'],
];

export function errorKey(error: ErrorLike): ErrorKey | null {
  const details = (error.details && typeof error.details === 'object' ? error.details : {}) as Details;
  if (error.status === 409) {
    if (typeof details.children === 'number' || typeof details.members === 'number') {
      return {
        key: 'errors.departmentNotEmpty',
        values: { children: Number(details.children ?? 0), members: Number(details.members ?? 0) },
      };
    }
    if (details.field === 'name') return { key: 'errors.departmentNameTaken' };
    if (details.field === 'email') return { key: 'errors.emailTaken' };
    if (details.field === 'mobile') return { key: 'errors.mobileTaken' };
  }
  if (error.status === 400 || error.status === 404) {
    if (details.field === 'supervisorId' && details.reason === 'self') return { key: 'errors.supervisorSelf' };
    if (details.field === 'supervisorId' && details.reason === 'cycle') return { key: 'errors.supervisorCycle' };
    if (details.field === 'password' && typeof details.reason === 'string') {
      const known = ['too_short', 'too_long', 'common', 'personal'];
      if (known.includes(details.reason)) return { key: `errors.password_${details.reason}` };
    }
  }
  for (const [pattern, key] of MESSAGE_KEYS) if (pattern.test(error.message)) return { key };
  return null;
}
