/** Confirm, dismiss or reopen an alert with an optional note. */
import type { AlertStatus } from '@concord/protocol';
import { App, Form, Input, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/api/error-text';
import { type Alert, useReviewAlert } from './api';

export type Review = { alert: Alert; status: AlertStatus };

const VERB: Record<AlertStatus, string> = {
  new: 'alerts.reopen',
  confirmed: 'alerts.confirm',
  dismissed: 'alerts.dismiss',
};

export function AlertReviewModal({ review, onClose }: { review: Review | null; onClose: () => void }) {
  const { t } = useTranslation('sensitive');
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const save = useReviewAlert();
  // The last review asked for, so the dialog keeps its texts while it closes.
  const [shown, setShown] = useState<Review | null>(review);

  useEffect(() => {
    if (!review) return;
    setShown(review);
    form.setFieldsValue({ note: review.alert.note ?? '' });
  }, [review, form]);

  const submit = async ({ note }: { note: string }) => {
    if (!review) return;
    try {
      await save.mutateAsync({ id: review.alert.id, body: { status: review.status, note: note?.trim() ?? '' } });
      message.success(t('alerts.saved'));
      onClose();
    } catch (err) {
      message.error(errorText(t, err));
    }
  };

  return (
    <Modal
      open={review !== null}
      title={t('alerts.noteTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(VERB[shown?.status ?? 'confirmed'])}
      cancelText={t('common:action.cancel')}
      confirmLoading={save.isPending}
      forceRender
    >
      {shown ? (
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 3 }}>
          {shown.alert.text}
        </Typography.Paragraph>
      ) : null}
      <Form form={form} name="alert-review" layout="vertical" onFinish={submit}>
        <Form.Item name="note" label={t('alerts.note')}>
          <Input.TextArea
            maxLength={1000}
            autoSize={{ minRows: 2, maxRows: 5 }}
            placeholder={t('alerts.notePlaceholder')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
