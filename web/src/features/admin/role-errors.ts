/**
 * Readable texts for the role API's refusals: granting beyond one's own permissions (403),
 * owner-role rules, duplicate names and deleting built-in or held roles (409).
 */
import type { TFunction } from 'i18next';
import { ApiError } from '../../lib/api/api-error';
import { errorText } from '../../lib/api/error-text';
import { permissionName } from './labels';

type Details = { permissions?: unknown; field?: unknown; builtinKey?: unknown; holders?: unknown };

export function roleErrorText(t: TFunction, error: unknown, context: { ownerRole?: boolean } = {}): string {
  if (!(error instanceof ApiError)) return errorText(t, error);
  const details = (typeof error.details === 'object' && error.details !== null ? error.details : {}) as Details;
  if (error.status === 403 && error.code === 'forbidden') {
    if (Array.isArray(details.permissions)) {
      const names = details.permissions.filter((p): p is string => typeof p === 'string');
      if (names.length === 0) return t('admin:roles.errors.grantBeyondOwnScope');
      return t('admin:roles.errors.grantBeyondOwn', { permissions: names.map((p) => permissionName(t, p)).join('、') });
    }
    if (context.ownerRole) return t('admin:roles.errors.ownerOnly');
  }
  if (error.status === 409) {
    if (details.field === 'name') return t('admin:roles.errors.nameTaken');
    if (details.field === 'permissions') return t('admin:roles.errors.ownerFixed');
    if (typeof details.builtinKey === 'string') return t('admin:roles.errors.builtinDelete');
    if (typeof details.holders === 'number') return t('admin:roles.errors.inUse', { count: details.holders });
  }
  return errorText(t, error);
}
