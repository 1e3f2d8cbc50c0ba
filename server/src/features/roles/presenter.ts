/** Role rows → API shapes. */
import type { RoleView } from './queries.js';

export type RoleOut = RoleView;

export const presentRole = (role: RoleView): RoleOut => ({
  id: role.id,
  name: role.name,
  description: role.description,
  builtinKey: role.builtinKey,
  dataScope: role.dataScope,
  permissions: [...role.permissions],
  requireTotp: role.requireTotp,
  memberCount: role.memberCount,
});

export const presentRoles = (roles: readonly RoleView[]) => ({ items: roles.map(presentRole) });
