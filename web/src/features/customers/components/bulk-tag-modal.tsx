/** 批量打标签: adds and removes tags on the selected customers in one all-or-nothing request. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../lib/api/client';
import { errorText } from '../../../lib/api/error-text';
import { invalidateCustomers } from '../api';
import { TagPicker } from './tag-picker';

export function BulkTagModal({ customerIds, onClose }: { customerIds: string[]; onClose: (done: boolean) => void }) {
  const { t } = useTranslation('customers');
  const { message } = App.useApp();
  const client = useQueryClient();
  const [add, setAdd] = useState<string[]>([]);
  const [remove, setRemove] = useState<string[]>([]);
  const run = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/customers/tags', { body: { customerIds, addTagIds: add, removeTagIds: remove } })),
    onSuccess: async (result) => {
      await invalidateCustomers(client);
      message.success(t('bulk.done', { count: result.customers }));
      onClose(true);
    },
    onError: (err) => {
      message.error(errorText(t, err));
    },
  });
  const submit = () => {
    if (add.length === 0 && remove.length === 0) message.warning(t('bulk.nothing'));
    else run.mutate();
  };
  return (
    <Modal
      open
      title={t('bulk.title')}
      onCancel={() => onClose(false)}
      onOk={submit}
      okText={t('common:action.save')}
      cancelText={t('common:action.cancel')}
      confirmLoading={run.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('bulk.hint', { count: customerIds.length })}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('bulk.add')} htmlFor="bulk-add">
          <TagPicker id="bulk-add" value={add} onChange={setAdd} />
        </Form.Item>
        <Form.Item label={t('bulk.remove')} htmlFor="bulk-remove">
          <TagPicker id="bulk-remove" value={remove} onChange={setRemove} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
