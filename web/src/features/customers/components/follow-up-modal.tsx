/**
 * 写跟进: records a call, visit, message or note, optionally with the next follow-up date (a
 * reminder) and files.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../lib/api/client';
import { errorText } from '../../../lib/api/error-text';
import { type FollowUp, invalidateCustomers } from '../api';
import { localToIso } from '../lib/format';
import { FollowUpFilePicker } from './follow-up-files';

type Values = { kind: FollowUp['kind']; content: string; nextAt?: string };

export const FOLLOW_UP_KINDS = ['call', 'visit', 'message', 'note'] as const;

export function FollowUpModal({ customerId, onClose }: { customerId: string; onClose: () => void }) {
  const { t } = useTranslation('customers');
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [fileIds, setFileIds] = useState<string[]>([]);
  const save = useMutation({
    mutationFn: (values: Values) => {
      const nextAt = localToIso(values.nextAt);
      return unwrap(
        api.POST('/api/v1/customers/{id}/follow-ups', {
          params: { path: { id: customerId } },
          body: {
            kind: values.kind,
            content: values.content.trim(),
            ...(nextAt ? { nextAt } : {}),
            ...(fileIds.length > 0 ? { fileIds } : {}),
          },
        }),
      );
    },
    onSuccess: async () => {
      await invalidateCustomers(client);
      message.success(t('followUp.saved'));
      onClose();
    },
    onError: (err) => {
      message.error(errorText(t, err));
    },
  });
  return (
    <Modal
      open
      title={t('followUp.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common:action.save')}
      cancelText={t('common:action.cancel')}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ kind: 'call' }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="kind" label={t('followUp.kind')}>
          <Select options={FOLLOW_UP_KINDS.map((k) => ({ value: k, label: t(`followUp.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item
          name="content"
          label={t('followUp.content')}
          rules={[{ required: true, whitespace: true, message: t('followUp.contentRequired') }, { max: 2000 }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="nextAt" label={t('followUp.nextAt')} extra={t('followUp.nextAtHint')}>
          <Input type="datetime-local" />
        </Form.Item>
        <Form.Item label={t('followUp.files')}>
          <FollowUpFilePicker customerId={customerId} onChange={setFileIds} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
