/** What the audit log keeps of a role before and after a change. */
import type { RoleView } from './queries.js';

export const roleSnapshot = (role: RoleView) => ({
  name: role.name,
  description: role.description,
  dataScope: role.dataScope,
  permissions: [...role.permissions],
  requireTotp: role.requireTotp,
});

/** The member's roles as the audit log records them: ids with the names they had then. */
export const memberRolesSnapshot = (roles: readonly RoleView[]) => ({
  roles: roles.map((r) => ({ id: r.id, name: r.name, builtinKey: r.builtinKey })),
});
