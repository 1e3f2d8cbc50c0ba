/**
 * Permission names. Routes and commands refer to these through the typed union so the
 * compiler finds every use; roles grant them, each with the role's data scope.
 */
export const PERMISSIONS = [
  'member.view',
  'member.manage',
  'member.import',
  'department.manage',
  'role.manage',
  'session.manage',
  'audit.view',
  'org.manage',
  'api_token.manage',
  'data.export',
  'customer.serve',
  'customer.view',
  'customer.manage',
  'customer.view_contact',
  'customer.delete',
  'quick_reply.manage',
  'archive.view',
  'archive.manage',
  'customer_post.publish_org',
  'customer_post.review',
  'mass_message.send',
  'mass_message.approve',
  'mass_message.manage',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

/** Held only by owner and admin unless an owner or admin grants them to another role. */
export const SENSITIVE_PERMISSIONS: readonly Permission[] = [
  'data.export',
  'customer.delete',
  'customer.view_contact',
  'archive.view',
  'archive.manage',
];

/** How far a role's permissions reach, relative to the acting member's departments. */
export const DATA_SCOPES = ['self', 'department', 'department_tree', 'org'] as const;
export type DataScope = (typeof DATA_SCOPES)[number];

/** Widest first; when several roles grant one permission the widest scope wins. */
export const SCOPE_RANK: Record<DataScope, number> = {
  self: 0,
  department: 1,
  department_tree: 2,
  org: 3,
};

export const BUILTIN_ROLES = ['owner', 'admin', 'hr', 'finance', 'auditor', 'supervisor', 'member'] as const;
export type BuiltinRole = (typeof BUILTIN_ROLES)[number];

export const MEMBER_STATUSES = ['active', 'disabled', 'departed'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];
