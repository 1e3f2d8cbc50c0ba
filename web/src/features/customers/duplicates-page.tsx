/** 重复客户: customers sharing a mobile or email; keeping one merges the rest into it (customer.delete). */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { can, useMe } from '../../app/auth/use-me';
import { EmptyState, QueryState } from '../../components/page-state';
import { RequirePermission } from '../../components/require-permission';
import { api, unwrap } from '../../lib/api/client';
import { errorText } from '../../lib/api/error-text';
import { type Customer, type DuplicateGroup, invalidateCustomers, useDuplicates } from './api';
import { CustomerTags } from './components/customer-tags';
import { StageTag } from './components/stage-tag';

export function DuplicatesPage() {
  const duplicates = useDuplicates();
  const { t } = useTranslation('customers');
  return (
    <RequirePermission permission="customer.serve">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Link to="/customers">
          <ArrowLeftOutlined /> {t('detail.back')}
        </Link>
        <Card size="small">
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            {t('duplicates.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('duplicates.subtitle')}</Typography.Paragraph>
          <QueryState query={duplicates}>
            {(groups) =>
              groups.length === 0 ? (
                <EmptyState>{t('duplicates.none')}</EmptyState>
              ) : (
                <Space orientation="vertical" size={12} style={{ width: '100%' }}>
                  {groups.map((g) => (
                    <GroupCard key={`${g.matchedOn}-${g.value}-${g.customers[0]?.id}`} group={g} />
                  ))}
                </Space>
              )
            }
          </QueryState>
        </Card>
      </Space>
    </RequirePermission>
  );
}

function GroupCard({ group }: { group: DuplicateGroup }) {
  const { t } = useTranslation('customers');
  const me = useMe().data;
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const merge = useMutation({
    mutationFn: ({ keep, others }: { keep: Customer; others: string[] }) =>
      unwrap(
        api.POST('/api/v1/customers/{id}/merge', { params: { path: { id: keep.id } }, body: { mergeIds: others } }),
      ),
    onSuccess: async () => {
      await invalidateCustomers(client);
      message.success(t('duplicates.merged'));
    },
    onError: (err) => {
      message.error(errorText(t, err));
    },
  });
  const keep = (c: Customer) => {
    const others = group.customers.filter((o) => o.id !== c.id).map((o) => o.id);
    modal.confirm({
      title: t('duplicates.keep'),
      content: t('duplicates.mergeConfirm', { name: c.name, count: others.length }),
      okText: t('common:action.confirm'),
      cancelText: t('common:action.cancel'),
      onOk: () => merge.mutateAsync({ keep: c, others }),
    });
  };
  return (
    <Card size="small" type="inner" title={t(`duplicates.${group.matchedOn}`, { value: group.value })}>
      <List
        dataSource={group.customers}
        renderItem={(c) => (
          <List.Item
            actions={
              can(me, 'customer.delete')
                ? [
                    <Button key="keep" size="small" onClick={() => keep(c)}>
                      {t('duplicates.keep')}
                    </Button>,
                  ]
                : []
            }
          >
            <Space wrap>
              <Link to={`/customers/${c.id}`}>{c.name}</Link>
              <StageTag stage={c.stage} />
              <Typography.Text type="secondary">
                {[c.company, c.owner.name].filter(Boolean).join(' · ')}
              </Typography.Text>
              <CustomerTags tags={c.tags} />
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
