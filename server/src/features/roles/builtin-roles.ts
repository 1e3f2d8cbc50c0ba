/**
 * The roles every org starts with. Sensitive permissions (export, customer deletion and
 * contact details, the archive) belong to owner and admin only until someone grants them.
 */
import type { BuiltinRole, DataScope, Permission } from '@concord/protocol';
import { PERMISSIONS } from '@concord/protocol';

export type BuiltinRoleDefinition = {
  key: BuiltinRole;
  name: string;
  description: string;
  dataScope: DataScope;
  permissions: readonly Permission[];
};

export const BUILTIN_ROLE_DEFINITIONS: readonly BuiltinRoleDefinition[] = [
  {
    key: 'owner',
    name: '创建者',
    description: 'Owns the org; all permissions',
    dataScope: 'org',
    permissions: PERMISSIONS,
  },
  {
    key: 'admin',
    name: '管理员',
    description: 'Manages the org; all permissions',
    dataScope: 'org',
    permissions: PERMISSIONS,
  },
  {
    key: 'hr',
    name: '人事',
    description: 'Members, departments and imports across the org',
    dataScope: 'org',
    permissions: ['member.view', 'member.manage', 'member.import', 'department.manage', 'session.manage'],
  },
  { key: 'finance', name: '财务', description: 'Finance staff', dataScope: 'org', permissions: ['member.view'] },
  {
    key: 'auditor',
    name: '审计员',
    description: 'Reads the audit log',
    dataScope: 'org',
    permissions: ['member.view', 'audit.view'],
  },
  {
    key: 'supervisor',
    name: '主管',
    description: 'Manages the members of their department and the departments below it',
    dataScope: 'department_tree',
    permissions: ['member.view', 'member.manage', 'session.manage'],
  },
  {
    key: 'member',
    name: '成员',
    description: 'Every member: sees the directory',
    dataScope: 'org',
    permissions: ['member.view'],
  },
];
