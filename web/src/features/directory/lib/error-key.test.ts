import { describe, expect, it } from 'vitest';
import { directoryMessages } from '../i18n';
import { errorKey } from './error-key';

const e = (status: number, message: string, details?: unknown) => ({ status, code: 'conflict', message, details });

function exists(key: string): boolean {
  const text = key
    .split('.')
    .reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], directoryMessages['zh-CN']);
  return typeof text === 'string';
}

describe('errorKey', () => {
  it('explains a non-empty department with its counts', () => {
    expect(errorKey(e(409, 'x', { children: 1, members: 3 }))).toEqual({
      key: 'errors.departmentNotEmpty',
      values: { children: 1, members: 3 },
    });
  });

  it('recognizes the refusals of moves, owners and status changes', () => {
    const cases: [ReturnType<typeof e>, string][] = [
      [
        e(409, 'A department cannot be moved under itself or one of its own sub-departments'),
        'errors.moveIntoOwnSubtree',
      ],
      [
        e(409, 'A department with this name already exists under the same parent', { field: 'name' }),
        'errors.departmentNameTaken',
      ],
      [e(409, 'This email is already used by another account', { field: 'email' }), 'errors.emailTaken'],
      [e(409, 'You cannot disable yourself'), 'errors.notYourself'],
      [e(409, 'The org must keep at least one active owner'), 'errors.lastOwner'],
      [e(403, 'You cannot grant permissions you do not hold yourself'), 'errors.grantBeyondOwn'],
      [e(400, 'x', { field: 'supervisorId', reason: 'cycle' }), 'errors.supervisorCycle'],
      [e(400, 'x', { field: 'password', reason: 'common' }), 'errors.password_common'],
    ];
    for (const [error, key] of cases) {
      expect(errorKey(error)?.key).toBe(key);
      expect(exists(key), key).toBe(true);
    }
  });

  it('leaves unknown errors to the shared text', () => {
    expect(errorKey(e(500, 'boom'))).toBeNull();
  });
});
