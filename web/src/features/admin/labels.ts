/**
 * Translated names for protocol values (audit actions, permissions, scopes, object types,
 * snapshot fields); unknown values show as they are rather than as a missing key.
 */
import type { TFunction } from 'i18next';

type Translate = TFunction | ((key: string, options?: { defaultValue?: string }) => string);

const lookup = (t: Translate, key: string, fallback: string): string =>
  (t as (key: string, options: { defaultValue: string }) => string)(key, { defaultValue: fallback });

export const actionLabel = (t: Translate, action: string) => lookup(t, `admin:auditAction.${action}`, action);

export const permissionName = (t: Translate, permission: string) =>
  lookup(t, `admin:permission.${permission}.name`, permission);

export const permissionDesc = (t: Translate, permission: string) =>
  lookup(t, `admin:permission.${permission}.desc`, '');

export const scopeName = (t: Translate, scope: string) => lookup(t, `admin:scope.${scope}.name`, scope);

export const scopeDesc = (t: Translate, scope: string) => lookup(t, `admin:scope.${scope}.desc`, '');

export const targetTypeLabel = (t: Translate, type: string) => lookup(t, `admin:target.${type}`, type);

/** A snapshot field by its last key segment, e.g. `settings.requireTotp` → 要求两步验证. */
export function fieldLabel(t: Translate, key: string): string {
  const last = key.split('.').pop() ?? key;
  if (!/^\w+$/.test(last)) return key;
  return lookup(t, `admin:field.${last}`, key);
}
