/** 变更阶段: moves a customer to another stage with an optional note; the move joins its history. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../lib/api/client';
import { errorText } from '../../../lib/api/error-text';
import { type CustomerDetail, invalidateCustomers, useStages } from '../api';

type Values = { stageId: string; note?: string };

export function StageMoveModal({ customer, onClose }: { customer: CustomerDetail; onClose: () => void }) {
  const { t } = useTranslation('customers');
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const stages = useStages().data ?? [];
  const move = useMutation({
    mutationFn: (values: Values) =>
      unwrap(
        api.POST('/api/v1/customers/{id}/stage', {
          params: { path: { id: customer.id } },
          body: { stageId: values.stageId, ...(values.note?.trim() ? { note: values.note.trim() } : {}) },
        }),
      ),
    onSuccess: async () => {
      await invalidateCustomers(client);
      message.success(t('stage.moved'));
      onClose();
    },
    onError: (err) => {
      message.error(errorText(t, err));
    },
  });
  return (
    <Modal
      open
      title={t('stage.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common:action.save')}
      cancelText={t('common:action.cancel')}
      confirmLoading={move.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ stageId: customer.stage?.id }}
        onFinish={(values) => move.mutate(values)}
      >
        <Form.Item name="stageId" label={t('stage.to')} rules={[{ required: true, message: t('stage.toRequired') }]}>
          <Select options={stages.map((s) => ({ value: s.id, label: `${s.name} · ${t(`stageKind.${s.kind}`)}` }))} />
        </Form.Item>
        <Form.Item name="note" label={t('stage.note')} rules={[{ max: 200 }]}>
          <Input placeholder={t('stage.notePlaceholder')} maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
