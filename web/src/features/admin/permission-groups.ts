/**
 * The permission matrix layout: every permission from the protocol in exactly one area, in the
 * order an administrator reads them, plus which ones the member may hand out.
 */
import { type DataScope, PERMISSIONS, type Permission, SCOPE_RANK, SENSITIVE_PERMISSIONS } from '@concord/protocol';

export type PermissionArea = 'directory' | 'security' | 'compliance' | 'customer';

export type PermissionGroup = { area: PermissionArea; permissions: readonly Permission[] };

export const PERMISSION_GROUPS: readonly PermissionGroup[] = [
  { area: 'directory', permissions: ['member.view', 'member.manage', 'member.import', 'department.manage'] },
  { area: 'security', permissions: ['session.manage', 'api_token.manage', 'role.manage', 'org.manage'] },
  { area: 'compliance', permissions: ['audit.view', 'data.export', 'archive.view', 'archive.manage'] },
  {
    area: 'customer',
    permissions: [
      'customer.serve',
      'customer.view',
      'customer.manage',
      'customer.view_contact',
      'customer.delete',
      'quick_reply.manage',
      'customer_post.publish_org',
      'customer_post.review',
      'mass_message.send',
      'mass_message.approve',
      'mass_message.manage',
    ],
  },
];

/** Permissions the protocol knows that no group shows, and ones shown twice or unknown; both empty when in sync. */
export function groupingProblems(groups: readonly PermissionGroup[] = PERMISSION_GROUPS): {
  missing: string[];
  duplicated: string[];
  unknown: string[];
} {
  const shown = groups.flatMap((g) => [...g.permissions]);
  const known = new Set<string>(PERMISSIONS);
  return {
    missing: PERMISSIONS.filter((p) => !shown.includes(p)),
    duplicated: [...new Set(shown.filter((p, i) => shown.indexOf(p) !== i))],
    unknown: shown.filter((p) => !known.has(p)),
  };
}

export function isSensitive(permission: string): boolean {
  return (SENSITIVE_PERMISSIONS as readonly string[]).includes(permission);
}

/** The i18n key path of a permission's texts, e.g. `permission.api_token.manage`. */
export function permissionKey(permission: string): string {
  return `permission.${permission}`;
}

/**
 * Whether a member holding `held` (permission → scope) may grant `permission` at `scope`; the
 * server refuses (403) anything broader than the granter's own hold.
 */
export function canGrant(held: Readonly<Record<string, string>>, permission: string, scope: DataScope): boolean {
  const own = held[permission];
  if (!own || !(own in SCOPE_RANK)) return false;
  return SCOPE_RANK[own as DataScope] >= SCOPE_RANK[scope];
}

/** Sorts a selection into protocol order so saved roles and diffs are stable. */
export function sortPermissions(selected: readonly string[]): Permission[] {
  return PERMISSIONS.filter((p) => selected.includes(p));
}
