import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api/api-error';
import { roleErrorText } from './role-errors';

/** Echoes the key and options, so the test sees which text was chosen. */
const t = ((key: string, options?: Record<string, unknown>) => {
  if (options && 'defaultValue' in options) return String(options.defaultValue || key);
  return options ? `${key} ${JSON.stringify(options)}` : key;
}) as unknown as TFunction;

describe('roleErrorText', () => {
  it('names the permissions one may not grant', () => {
    const error = new ApiError('forbidden', 'x', 403, { permissions: ['data.export', 'archive.view'], scope: 'org' });
    expect(roleErrorText(t, error)).toBe(
      'admin:roles.errors.grantBeyondOwn {"permissions":"data.export、archive.view"}',
    );
  });

  it('explains the owner-only rule', () => {
    expect(roleErrorText(t, new ApiError('forbidden', 'x', 403), { ownerRole: true })).toBe(
      'admin:roles.errors.ownerOnly',
    );
  });

  it('explains each conflict', () => {
    expect(roleErrorText(t, new ApiError('conflict', 'x', 409, { field: 'name' }))).toBe(
      'admin:roles.errors.nameTaken',
    );
    expect(roleErrorText(t, new ApiError('conflict', 'x', 409, { field: 'permissions' }))).toBe(
      'admin:roles.errors.ownerFixed',
    );
    expect(roleErrorText(t, new ApiError('conflict', 'x', 409, { builtinKey: 'hr' }))).toBe(
      'admin:roles.errors.builtinDelete',
    );
    expect(roleErrorText(t, new ApiError('conflict', 'x', 409, { holders: 3 }))).toBe(
      'admin:roles.errors.inUse {"count":3}',
    );
  });

  it('falls back to the shared error text', () => {
    expect(roleErrorText(t, new ApiError('conflict', 'x', 409))).toBe('common:errors.conflict');
  });
});
