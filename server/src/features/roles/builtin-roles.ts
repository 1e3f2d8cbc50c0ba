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
    description: '企业创建者，拥有全部权限',
    dataScope: 'org',
    permissions: PERMISSIONS,
  },
  {
    key: 'admin',
    name: '管理员',
    description: '管理企业，拥有全部权限',
    dataScope: 'org',
    permissions: PERMISSIONS,
  },
  {
    key: 'hr',
    name: '人事',
    description: '管理全企业的成员、部门和导入',
    dataScope: 'org',
    permissions: ['member.view', 'member.manage', 'member.import', 'department.manage', 'session.manage'],
  },
  {
    key: 'finance',
    name: '财务',
    description: '财务人员，可查看通讯录',
    dataScope: 'org',
    permissions: ['member.view'],
  },
  {
    key: 'auditor',
    name: '审计员',
    description: '查看审计日志',
    dataScope: 'org',
    permissions: ['member.view', 'audit.view'],
  },
  {
    key: 'supervisor',
    name: '主管',
    description: '管理本部门及下级部门的成员',
    dataScope: 'department_tree',
    permissions: [
      'member.view',
      'member.manage',
      'session.manage',
      'customer.serve',
      'customer.view',
      'mass_message.send',
      'mass_message.approve',
    ],
  },
  {
    key: 'member',
    name: '成员',
    description: '全体成员，可查看通讯录',
    dataScope: 'org',
    // customer.serve reaches only the member's own and co-followed customers, whatever the scope.
    permissions: ['member.view', 'customer.serve', 'mass_message.send'],
  },
];
