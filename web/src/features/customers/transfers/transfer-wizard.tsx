/**
 * 分配给同事: the on-the-job transfer wizard — pick the colleague, edit the notice to the
 * customers (200 characters, a default naming the colleague), confirm, and see each customer's
 * result (waiting for the customer's 24 hours, or refused at the colleague's limit).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Steps, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../lib/api/client';
import { invalidateCustomers } from '../api';
import { MemberPicker } from '../components/member-picker';
import { type Transfer, type TransferBatch, transferErrorText } from './transfer-api';
import { TransferStatusTag } from './transfer-status-tag';

type Props = { customers: { id: string; name: string }[]; onClose: (done: boolean) => void };

const MESSAGE_MAX = 200;

export function TransferWizard({ customers, onClose }: Props) {
  const { t } = useTranslation('customers');
  const client = useQueryClient();
  const [step, setStep] = useState(0);
  const [receiver, setReceiver] = useState<{ id: string; name: string } | null>(null);
  const [text, setText] = useState('');
  const submit = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/customers/transfer', {
          body: { customerIds: customers.map((c) => c.id), toMemberId: receiver?.id ?? '', message: text },
        }),
      ),
    onSuccess: async () => {
      await invalidateCustomers(client);
      setStep(3);
    },
  });
  const result: TransferBatch | undefined = submit.data;
  const tooLong = [...text.trim()].length > MESSAGE_MAX;

  const pickReceiver = (value: string | string[] | undefined, label?: string) => {
    if (typeof value !== 'string') {
      setReceiver(null);
      return;
    }
    const name = label ?? '';
    setReceiver({ id: value, name });
    setText(t('transfer.defaultMessage', { name }));
  };

  const footer = [
    step > 0 && step < 3 ? (
      <Button key="back" onClick={() => setStep(step - 1)}>
        {t('transfer.back')}
      </Button>
    ) : null,
    step < 2 ? (
      <Button
        key="next"
        type="primary"
        disabled={(step === 0 && !receiver) || (step === 1 && (tooLong || !text.trim()))}
        onClick={() => setStep(step + 1)}
      >
        {t('transfer.next')}
      </Button>
    ) : null,
    step === 2 ? (
      <Button key="submit" type="primary" loading={submit.isPending} onClick={() => submit.mutate()}>
        {t('transfer.submit')}
      </Button>
    ) : null,
    step === 3 ? (
      <Button key="done" type="primary" onClick={() => onClose(true)}>
        {t('transfer.done')}
      </Button>
    ) : null,
  ];

  return (
    <Modal open title={t('transfer.wizardTitle')} footer={footer} onCancel={() => onClose(step === 3)} width={640}>
      <Steps
        size="small"
        current={step}
        style={{ marginBottom: 16 }}
        items={[
          { title: t('transfer.stepReceiver') },
          { title: t('transfer.stepMessage') },
          { title: t('transfer.stepConfirm') },
          { title: t('transfer.stepResult') },
        ]}
      />
      {step === 0 ? (
        <Form layout="vertical">
          <Form.Item label={t('transfer.receiver')} extra={t('transfer.receiverHelp')} htmlFor="transfer-receiver">
            <MemberPicker
              id="transfer-receiver"
              value={receiver?.id ?? null}
              known={receiver ? [{ value: receiver.id, label: receiver.name }] : []}
              onChange={pickReceiver}
            />
          </Form.Item>
        </Form>
      ) : null}
      {step === 1 ? (
        <Form layout="vertical">
          <Form.Item
            label={t('transfer.message')}
            extra={t('transfer.messageHelp')}
            htmlFor="transfer-message"
            validateStatus={tooLong ? 'error' : undefined}
          >
            <Input.TextArea
              id="transfer-message"
              value={text}
              onChange={(e) => setText(e.target.value)}
              rows={4}
              showCount
              maxLength={MESSAGE_MAX}
            />
          </Form.Item>
        </Form>
      ) : null}
      {step === 2 ? (
        <>
          <Typography.Paragraph>
            {t('transfer.confirmText', { count: customers.length, name: receiver?.name ?? '' })}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary">
            {customers.map((c) => c.name).join(t('separator'))}
          </Typography.Paragraph>
          <Typography.Text type="secondary">{t('transfer.message')}</Typography.Text>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{text}</Typography.Paragraph>
          {submit.error ? <Alert type="error" showIcon title={transferErrorText(t, submit.error)} /> : null}
        </>
      ) : null}
      {step === 3 && result ? (
        <>
          <Alert
            type={result.counts.refused > 0 ? 'warning' : 'success'}
            showIcon
            title={t('transfer.resultSummary', result.counts)}
            style={{ marginBottom: 12 }}
          />
          <Table<Transfer>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={result.items}
            columns={[
              { title: t('transfer.customer'), render: (_, r) => r.customer.name },
              { title: t('transfer.status'), render: (_, r) => <TransferStatusTag status={r.status} /> },
              {
                title: t('transfer.reasonCol'),
                render: (_, r) => t(`transfer.reason.${r.reason ?? r.notice.reason ?? ''}`, { defaultValue: '' }),
              },
            ]}
          />
        </>
      ) : null}
    </Modal>
  );
}
