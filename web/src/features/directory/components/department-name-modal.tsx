/** Creates a sub-department or renames one: a single name field. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../lib/api/client';
import { invalidateDirectory } from '../api/queries';
import type { DepartmentRow } from '../lib/department-tree';
import { useErrorText } from '../use-error-text';

type Props = {
  mode: 'create' | 'rename';
  department: DepartmentRow;
  onClose: () => void;
  onCreated?: (id: string) => void;
};

export function DepartmentNameModal({ mode, department, onClose, onCreated }: Props) {
  const { t } = useTranslation('directory');
  const { message } = App.useApp();
  const errorText = useErrorText();
  const client = useQueryClient();
  const [form] = Form.useForm<{ name: string }>();
  const save = useMutation({
    mutationFn: async ({ name }: { name: string }) =>
      mode === 'create'
        ? unwrap(api.POST('/api/v1/departments', { body: { name: name.trim(), parentId: department.id } }))
        : unwrap(
            api.PATCH('/api/v1/departments/{id}', {
              params: { path: { id: department.id } },
              body: { name: name.trim() },
            }),
          ),
    onSuccess: async (saved) => {
      await invalidateDirectory(client);
      message.success(mode === 'create' ? t('dept.created') : t('common:saved'));
      if (mode === 'create') onCreated?.(saved.id);
      onClose();
    },
    onError: (err) => {
      message.error(errorText(err));
    },
  });

  return (
    <Modal
      open
      title={mode === 'create' ? t('dept.createTitle') : t('dept.renameTitle')}
      okText={t('common:action.save')}
      cancelText={t('common:action.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {mode === 'create' ? (
        <Typography.Paragraph type="secondary">{t('dept.createUnder', { name: department.name })}</Typography.Paragraph>
      ) : null}
      <Form
        name="department"
        form={form}
        layout="vertical"
        initialValues={{ name: mode === 'rename' ? department.name : '' }}
        onFinish={(values) => save.mutate(values)}
      >
        <Form.Item
          name="name"
          label={t('dept.name')}
          rules={[{ required: true, whitespace: true, message: t('dept.nameRequired') }, { max: 64 }]}
        >
          <Input placeholder={t('dept.namePlaceholder')} maxLength={64} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
