/**
 * One mass message: its content, status and totals, the actions open to the viewer (approve or
 * reject with a reason, confirm their part, cancel) and each recipient's status.
 */
import { App, Button, Card, Descriptions, Form, Input, Modal, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { QueryState } from '../../components/page-state';
import { RequirePermission } from '../../components/require-permission';
import { errorText } from '../../lib/api/error-text';
import { formatDateTime } from '../admin/format';
import { type MassDetail, useMassAction, useMassMessage } from './api';
import { massErrorText, statusColor } from './mass-logic';
import { RecipientTable } from './recipient-table';

export function MassMessageDetailPage() {
  const { id = '' } = useParams();
  const query = useMassMessage(id);
  return (
    <RequirePermission permission="mass_message.send">
      <QueryState query={query}>{(m) => <MassMessageView m={m} />}</QueryState>
    </RequirePermission>
  );
}

function Actions({ m }: { m: MassDetail }) {
  const { t } = useTranslation('massMessages');
  const { message } = App.useApp();
  const actions = useMassAction(m.id);
  const report = {
    onSuccess: () => message.success(t('detail.done')),
    onError: (e: unknown) => message.error(errorText(t, e)),
  };
  const submitReport = { ...report, onError: (e: unknown) => message.error(massErrorText(t, e)) };
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  return (
    <Space wrap>
      {m.status === 'draft' ? (
        <Button
          type="primary"
          loading={actions.submit.isPending}
          onClick={() => actions.submit.mutate(undefined, submitReport)}
        >
          {t('detail.submit')}
        </Button>
      ) : null}
      {m.canApprove ? (
        <>
          <Button
            type="primary"
            loading={actions.approve.isPending}
            onClick={() => actions.approve.mutate(undefined, report)}
          >
            {t('detail.approve')}
          </Button>
          <Button danger onClick={() => setRejecting(true)}>
            {t('detail.reject')}
          </Button>
        </>
      ) : null}
      {m.myAwaitingConfirm > 0 ? (
        <Button
          type="primary"
          loading={actions.confirm.isPending}
          onClick={() => actions.confirm.mutate(undefined, report)}
        >
          {t('detail.confirm', { count: m.myAwaitingConfirm })}
        </Button>
      ) : null}
      {m.canCancel ? (
        <Popconfirm title={t('detail.cancelConfirm')} onConfirm={() => actions.cancel.mutate(undefined, report)}>
          <Button>{t('detail.cancel')}</Button>
        </Popconfirm>
      ) : null}
      <Modal
        open={rejecting}
        title={t('detail.reject')}
        onCancel={() => setRejecting(false)}
        okButtonProps={{ disabled: reason.trim() === '', loading: actions.reject.isPending }}
        onOk={() =>
          actions.reject.mutate(reason.trim(), {
            ...report,
            onSuccess: () => {
              setRejecting(false);
              report.onSuccess();
            },
          })
        }
        destroyOnHidden
      >
        <Form layout="vertical">
          <Form.Item
            label={t('detail.rejectReason')}
            required
            help={reason.trim() ? undefined : t('detail.rejectReasonRequired')}
          >
            <Input.TextArea rows={3} maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

function MassMessageView({ m }: { m: MassDetail }) {
  const { t } = useTranslation('massMessages');
  const link = m.attachment?.kind === 'link' ? m.attachment : null;
  return (
    <Card
      title={
        <Space>
          <Link to="/customers/mass-messages">{t('detail.back')}</Link>
          <Tag color={statusColor(m.status)} data-testid="mass-status">
            {t(`status.${m.status}`)}
          </Tag>
        </Space>
      }
      extra={<Actions m={m} />}
    >
      <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
        <Descriptions.Item label={t('detail.content')} span={2}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{m.text}</Typography.Paragraph>
        </Descriptions.Item>
        {link ? (
          <Descriptions.Item label={t('detail.link')} span={2}>
            <Typography.Link href={link.url ?? undefined} target="_blank" rel="noreferrer">
              {link.title}
            </Typography.Link>
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('col.author')}>{m.author.name}</Descriptions.Item>
        <Descriptions.Item label={t('col.createdAt')}>{formatDateTime(m.createdAt)}</Descriptions.Item>
        <Descriptions.Item label={t('detail.approver')}>{m.approver?.name ?? ''}</Descriptions.Item>
        <Descriptions.Item label={t('col.scheduledAt')}>{formatDateTime(m.scheduledAt)}</Descriptions.Item>
        {m.reason ? (
          <Descriptions.Item label={t('detail.reason')} span={2}>
            {m.reason}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('detail.recipients')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" data-testid="mass-totals">
        {t('detail.totals', m.totals)}
      </Typography.Paragraph>
      <RecipientTable recipients={m.recipients} />
    </Card>
  );
}
