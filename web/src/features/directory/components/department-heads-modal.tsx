/** Sets who heads a department (PATCH headIds); current heads are looked up for their names. */
import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { App, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../lib/api/client';
import { directoryKeys, invalidateDirectory } from '../api/queries';
import type { DepartmentRow } from '../lib/department-tree';
import { useErrorText } from '../use-error-text';
import { type MemberOption, MemberSelect } from './member-select';

type Props = { department: DepartmentRow; onClose: () => void };

export function DepartmentHeadsModal({ department, onClose }: Props) {
  const { t } = useTranslation('directory');
  const { message } = App.useApp();
  const errorText = useErrorText();
  const client = useQueryClient();
  const [form] = Form.useForm<{ headIds: string[] }>();
  const heads = useQueries({
    queries: department.headIds.map((id) => ({
      queryKey: directoryKeys.member(id),
      queryFn: () => unwrap(api.GET('/api/v1/members/{id}', { params: { path: { id } } })),
    })),
  });
  const known: MemberOption[] = heads.flatMap((q) => (q.data ? [{ value: q.data.id, label: q.data.name }] : []));
  const save = useMutation({
    mutationFn: (headIds: string[]) =>
      unwrap(api.PATCH('/api/v1/departments/{id}', { params: { path: { id: department.id } }, body: { headIds } })),
    onSuccess: async () => {
      await invalidateDirectory(client);
      message.success(t('common:saved'));
      onClose();
    },
    onError: (err) => {
      message.error(errorText(err));
    },
  });

  return (
    <Modal
      open
      title={`${t('dept.headsTitle')} · ${department.name}`}
      okText={t('common:action.save')}
      cancelText={t('common:action.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        name="departmentHeads"
        form={form}
        layout="vertical"
        initialValues={{ headIds: department.headIds }}
        onFinish={({ headIds }) => save.mutate(headIds ?? [])}
      >
        <Form.Item name="headIds" label={t('dept.headLabel')}>
          <MemberSelect multiple knownOptions={known} placeholder={t('dept.headsPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
