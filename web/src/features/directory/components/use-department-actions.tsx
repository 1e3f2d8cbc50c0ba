/**
 * The department menu (新建子部门 / 重命名 / 移动 / 设置部门负责人 / 删除) with its modals, shared
 * by the tree's per-node menu and the toolbar; also moves by drag and drop.
 */
import { DeleteOutlined, DragOutlined, EditOutlined, PlusOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, type MenuProps } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../lib/api/client';
import { directoryKeys, invalidateDirectory, type MemberListQuery } from '../api/queries';
import type { DepartmentRow } from '../lib/department-tree';
import { useErrorText } from '../use-error-text';
import { DepartmentHeadsModal } from './department-heads-modal';
import { DepartmentNameModal } from './department-name-modal';
import { MoveDepartmentModal } from './move-department-modal';

type Open = { kind: 'create' | 'rename' | 'move' | 'heads'; department: DepartmentRow } | null;

function listsDepartment(key: readonly unknown[], id: string): boolean {
  return (key[2] as MemberListQuery | undefined)?.departmentId === id;
}

/** Empty: no sub-departments and no members; only then is 删除 offered. */
function isEmpty(department: DepartmentRow, departments: readonly DepartmentRow[]): boolean {
  return department.memberCount === 0 && !departments.some((d) => d.parentId === department.id);
}

export function useDepartmentActions(departments: readonly DepartmentRow[], onSelect: (id: string) => void) {
  const { t } = useTranslation('directory');
  const { message, modal } = App.useApp();
  const errorText = useErrorText();
  const client = useQueryClient();
  const [open, setOpen] = useState<Open>(null);

  const remove = useMutation({
    mutationFn: (department: DepartmentRow) =>
      unwrap(api.DELETE('/api/v1/departments/{id}', { params: { path: { id: department.id } } })),
    onSuccess: async (_, department) => {
      if (department.parentId) onSelect(department.parentId);
      // The deleted department's member list is gone for good; refetching it would only 404.
      client.removeQueries({
        queryKey: directoryKeys.allMembers,
        predicate: (q) => listsDepartment(q.queryKey, department.id),
      });
      await invalidateDirectory(client);
      message.success(t('dept.deleted'));
    },
    onError: (err) => {
      message.error(errorText(err));
    },
  });

  const move = useMutation({
    mutationFn: ({ department, parentId }: { department: DepartmentRow; parentId: string }) =>
      unwrap(api.PATCH('/api/v1/departments/{id}', { params: { path: { id: department.id } }, body: { parentId } })),
    onSuccess: async () => {
      await invalidateDirectory(client);
      message.success(t('dept.moved'));
    },
    onError: (err) => {
      message.error(errorText(err));
    },
  });

  const confirmDelete = (department: DepartmentRow) =>
    modal.confirm({
      title: t('dept.deleteTitle'),
      content: t('dept.deleteConfirm', { name: department.name }),
      okText: t('common:action.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common:action.cancel'),
      onOk: () => remove.mutateAsync(department).catch(() => undefined),
    });

  const menuFor = (department: DepartmentRow): MenuProps => {
    const isRoot = department.parentId === null;
    const items: MenuProps['items'] = [
      { key: 'create', icon: <PlusOutlined />, label: t('dept.create') },
      { key: 'rename', icon: <EditOutlined />, label: t('dept.rename') },
      ...(isRoot ? [] : [{ key: 'move', icon: <DragOutlined />, label: t('dept.move') }]),
      { key: 'heads', icon: <UserOutlined />, label: t('dept.heads') },
      ...(!isRoot && isEmpty(department, departments)
        ? [
            { type: 'divider' as const },
            { key: 'delete', icon: <DeleteOutlined />, danger: true, label: t('dept.delete') },
          ]
        : []),
    ];
    return {
      items,
      onClick: ({ key, domEvent }) => {
        domEvent.stopPropagation();
        if (key === 'delete') confirmDelete(department);
        else setOpen({ kind: key as 'create' | 'rename' | 'move' | 'heads', department });
      },
    };
  };

  const close = () => setOpen(null);
  let modals: ReactNode = null;
  if (open?.kind === 'create' || open?.kind === 'rename') {
    modals = <DepartmentNameModal mode={open.kind} department={open.department} onClose={close} onCreated={onSelect} />;
  } else if (open?.kind === 'move') {
    modals = <MoveDepartmentModal department={open.department} departments={departments} onClose={close} />;
  } else if (open?.kind === 'heads') {
    modals = <DepartmentHeadsModal department={open.department} onClose={close} />;
  }

  return {
    menuFor,
    modals,
    moveTo: (department: DepartmentRow, parentId: string) => move.mutate({ department, parentId }),
  };
}
