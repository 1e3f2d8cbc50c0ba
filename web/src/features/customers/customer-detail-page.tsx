/** One customer: their details and custom fields, tags, co-followers, stage, and a timeline of follow-ups and stage moves. */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { can, useMe } from '../../app/auth/use-me';
import { QueryState } from '../../components/page-state';
import { RequirePermission } from '../../components/require-permission';
import { api, unwrap } from '../../lib/api/client';
import { errorText } from '../../lib/api/error-text';
import { type CustomerDetail, invalidateCustomers, useCustomer, useFields } from './api';
import { CustomerFormModal } from './components/customer-form-modal';
import { CustomerTags } from './components/customer-tags';
import { CustomerTimeline } from './components/customer-timeline';
import { FollowUpModal } from './components/follow-up-modal';
import { StageMoveModal } from './components/stage-move-modal';
import { StageTag } from './components/stage-tag';
import { OpenChatButton } from './contact-links/open-chat-button';
import { formatTime } from './lib/format';

export function CustomerDetailPage() {
  const { id = '' } = useParams();
  const customer = useCustomer(id);
  return (
    <RequirePermission permission="customer.serve">
      <QueryState query={customer}>{(data) => <DetailView customer={data} />}</QueryState>
    </RequirePermission>
  );
}

function DetailView({ customer }: { customer: CustomerDetail }) {
  const { t, i18n } = useTranslation('customers');
  const me = useMe().data;
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const fields = useFields().data ?? [];
  const [open, setOpen] = useState<'edit' | 'stage' | 'follow-up' | null>(null);
  const time = (iso: string | null) => formatTime(iso, i18n.language);

  const remove = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/customers/{id}', { params: { path: { id: customer.id } } })),
    onSuccess: async () => {
      await invalidateCustomers(client);
      message.success(t('detail.deleted'));
      navigate('/customers');
    },
    onError: (err) => {
      message.error(errorText(t, err));
    },
  });
  const restore = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/customers/{id}/restore', { params: { path: { id: customer.id } } })),
    onSuccess: async () => {
      await invalidateCustomers(client);
      message.success(t('list.restored'));
    },
    onError: (err) => {
      message.error(errorText(t, err));
    },
  });
  const confirmDelete = () =>
    modal.confirm({
      title: t('detail.delete'),
      content: t('detail.deleteConfirm', { name: customer.name }),
      okText: t('common:action.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common:action.cancel'),
      onOk: () => remove.mutateAsync(),
    });

  const deleted = customer.deletedAt !== null;
  const contact = (text: string | null) =>
    customer.contactMasked && text ? <span title={t('list.masked')}>{text}</span> : (text ?? '');
  const items = [
    { key: 'company', label: t('field.company'), children: customer.company ?? '' },
    { key: 'title', label: t('field.title'), children: customer.title ?? '' },
    { key: 'mobile', label: t('field.mobile'), children: contact(customer.mobile) },
    { key: 'email', label: t('field.email'), children: contact(customer.email) },
    { key: 'gender', label: t('field.gender'), children: t(`gender.${customer.gender}`) },
    { key: 'region', label: t('field.region'), children: customer.region ?? '' },
    { key: 'source', label: t('field.source'), children: t(`source.${customer.source}`) },
    { key: 'owner', label: t('field.owner'), children: customer.owner.name },
    {
      key: 'followers',
      label: t('field.followers'),
      children: customer.followers.length
        ? customer.followers.map((f) => f.name).join(t('separator'))
        : t('detail.noFollowers'),
    },
    ...fields.map((f) => ({
      key: `custom-${f.id}`,
      label: f.name,
      children: customer.customFields[f.id] === undefined ? '' : String(customer.customFields[f.id]),
    })),
    { key: 'createdBy', label: t('field.createdBy'), children: customer.createdBy?.name ?? '' },
    { key: 'createdAt', label: t('field.createdAt'), children: time(customer.createdAt) },
    { key: 'updatedAt', label: t('field.updatedAt'), children: time(customer.updatedAt) },
    {
      key: 'remark',
      label: t('field.remark'),
      span: 'filled' as const,
      children: <span style={{ whiteSpace: 'pre-wrap' }}>{customer.remark ?? ''}</span>,
    },
  ];

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Link to="/customers">
        <ArrowLeftOutlined /> {t('detail.back')}
      </Link>
      {deleted ? (
        <Alert
          type="warning"
          showIcon
          title={t('detail.deletedBanner', { until: time(customer.restorableUntil) })}
          action={
            <Button size="small" onClick={() => restore.mutate()} loading={restore.isPending}>
              {t('list.restore')}
            </Button>
          }
        />
      ) : null}
      <Card size="small">
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="customer-name">
            {customer.name}
          </Typography.Title>
          <span data-testid="customer-stage">
            <StageTag stage={customer.stage} />
          </span>
          <Tag>{t(`source.${customer.source}`)}</Tag>
          <div style={{ flex: 1 }} />
          {deleted ? null : (
            <Space wrap>
              <OpenChatButton customerId={customer.id} />
              <Button onClick={() => setOpen('edit')}>{t('detail.edit')}</Button>
              <Button type="primary" onClick={() => setOpen('stage')}>
                {t('detail.moveStage')}
              </Button>
              {can(me, 'customer.delete') ? (
                <Button danger onClick={confirmDelete}>
                  {t('detail.delete')}
                </Button>
              ) : null}
            </Space>
          )}
        </div>
        {customer.contactMasked ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('list.masked')}
          </Typography.Text>
        ) : null}
      </Card>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={16}>
          <Card size="small" title={t('detail.info')}>
            <Descriptions size="small" column={{ xs: 1, sm: 2 }} items={items} />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <Card size="small" title={t('field.tags')} data-testid="customer-tags">
              <CustomerTags tags={customer.tags} empty />
            </Card>
            <Card
              size="small"
              title={t('detail.timeline')}
              data-testid="customer-timeline"
              extra={
                deleted ? null : (
                  <Button size="small" type="link" onClick={() => setOpen('follow-up')}>
                    {t('followUp.add')}
                  </Button>
                )
              }
            >
              <CustomerTimeline customer={customer} />
            </Card>
          </Space>
        </Col>
      </Row>
      {open === 'edit' ? <CustomerFormModal mode="edit" customer={customer} onClose={() => setOpen(null)} /> : null}
      {open === 'stage' ? <StageMoveModal customer={customer} onClose={() => setOpen(null)} /> : null}
      {open === 'follow-up' ? <FollowUpModal customerId={customer.id} onClose={() => setOpen(null)} /> : null}
    </Space>
  );
}
