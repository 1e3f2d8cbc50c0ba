/** 角色权限: the org's roles, and a drawer to create, edit or delete them (needs role.manage). */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/page-state';
import { RequirePermission } from '../../components/require-permission';
import { AdminPanel } from './admin-panel';
import { RoleEditor } from './role-editor';
import { roleErrorText } from './role-errors';
import { RoleTable } from './role-table';
import { type Role, useDeleteRole, useRoles } from './roles-api';

export function RolesPage() {
  return (
    <RequirePermission permission="role.manage">
      <RolesView />
    </RequirePermission>
  );
}

function RolesView() {
  const { t } = useTranslation('admin');
  const { message, modal } = App.useApp();
  const roles = useRoles();
  const remove = useDeleteRole();
  const [editor, setEditor] = useState<{ open: boolean; role: Role | null }>({ open: false, role: null });

  const confirmDelete = (role: Role) =>
    modal.confirm({
      title: t('roles.deleteTitle', { name: role.name }),
      content: t('roles.deleteText'),
      okText: t('common:action.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common:action.cancel'),
      onOk: async () => {
        try {
          await remove.mutateAsync(role.id);
          message.success(t('roles.deleted'));
        } catch (err) {
          message.error(roleErrorText(t, err));
        }
      },
    });

  return (
    <AdminPanel
      title={t('roles.title')}
      subtitle={t('roles.subtitle')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditor({ open: true, role: null })}>
          {t('roles.create')}
        </Button>
      }
    >
      <QueryState query={roles}>
        {(data) => (
          <RoleTable roles={data.items} onEdit={(role) => setEditor({ open: true, role })} onDelete={confirmDelete} />
        )}
      </QueryState>
      <RoleEditor open={editor.open} role={editor.role} onClose={() => setEditor((e) => ({ ...e, open: false }))} />
    </AdminPanel>
  );
}
