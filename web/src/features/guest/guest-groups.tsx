/** The customer's 群聊 tab: the customer groups they are in. */
import { useQuery } from '@tanstack/react-query';
import { Alert, Empty, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { GuestApi } from './guest-api';
import { guestErrorText } from './guest-error';

export function GuestGroups({ api }: { api: GuestApi }) {
  const { t } = useTranslation('guest');
  const groups = useQuery({ queryKey: ['guest', 'customer-groups'], queryFn: () => api.groups() });
  if (groups.error) return <Alert type="error" showIcon message={guestErrorText(t, groups.error)} />;
  const items = groups.data?.items ?? [];
  if (!groups.isLoading && items.length === 0)
    return <Empty description={t('groups.empty')} style={{ marginTop: 48 }} />;
  return (
    <List
      loading={groups.isLoading}
      dataSource={items}
      renderItem={(g) => (
        <List.Item>
          <List.Item.Meta title={g.name} description={g.owner ? t('groups.owner', { name: g.owner.name }) : null} />
          <Typography.Text type="secondary">{t('groups.members', { count: g.memberCount })}</Typography.Text>
        </List.Item>
      )}
    />
  );
}
