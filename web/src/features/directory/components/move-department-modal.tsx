/** Moves a department under a new parent; itself and its sub-departments are not offered. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Modal, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../lib/api/client';
import { invalidateDirectory } from '../api/queries';
import { type DepartmentRow, descendantIds } from '../lib/department-tree';
import { useErrorText } from '../use-error-text';
import { DepartmentTreeSelect } from './department-tree-select';

type Props = { department: DepartmentRow; departments: readonly DepartmentRow[]; onClose: () => void };

export function MoveDepartmentModal({ department, departments, onClose }: Props) {
  const { t } = useTranslation('directory');
  const { message } = App.useApp();
  const errorText = useErrorText();
  const client = useQueryClient();
  const [form] = Form.useForm<{ parentId: string }>();
  const excluded = useMemo(() => descendantIds(departments, department.id), [departments, department.id]);
  const move = useMutation({
    mutationFn: (parentId: string) =>
      unwrap(api.PATCH('/api/v1/departments/{id}', { params: { path: { id: department.id } }, body: { parentId } })),
    onSuccess: async () => {
      await invalidateDirectory(client);
      message.success(t('dept.moved'));
      onClose();
    },
    onError: (err) => {
      message.error(errorText(err));
    },
  });

  return (
    <Modal
      open
      title={t('dept.moveTitle')}
      okText={t('common:action.save')}
      cancelText={t('common:action.cancel')}
      confirmLoading={move.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('dept.moveHint')}</Typography.Paragraph>
      <Form
        name="moveDepartment"
        form={form}
        layout="vertical"
        initialValues={{ parentId: department.parentId ?? undefined }}
        onFinish={({ parentId }) => move.mutate(parentId)}
      >
        <Form.Item
          name="parentId"
          label={t('dept.newParent')}
          rules={[{ required: true, message: t('dept.parentRequired') }]}
        >
          <DepartmentTreeSelect placeholder={t('dept.newParentPlaceholder')} disabledIds={excluded} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
