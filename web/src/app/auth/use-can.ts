import { can, useMe } from './use-me';

/** Whether the signed-in member holds a permission; false while loading. */
export function useCan(permission: string): boolean {
  return can(useMe().data, permission);
}
