/** The replies of the chosen category: keyword search, kind and order, and the edit and delete actions. */
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Popconfirm, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../customers/lib/format';
import { type QuickReply, type QuickReplyCategory, quickReplyApi, type ReplyScope, useQuickReplyPages } from './api';
import { ReplyModal } from './reply-modal';
import { useReplyMutation } from './use-reply-mutation';

type Sort = 'usage' | 'title';

export function ReplyTable({
  category,
  categories,
  manage,
}: {
  category: QuickReplyCategory | null;
  categories: readonly QuickReplyCategory[];
  manage: boolean;
}) {
  const { t, i18n } = useTranslation('quickReplies');
  const [q, setQ] = useState('');
  const [scope, setScope] = useState<ReplyScope | 'all'>('all');
  const [sort, setSort] = useState<Sort>('usage');
  const [editing, setEditing] = useState<QuickReply | 'new' | null>(null);
  const pages = useQuickReplyPages({
    ...(q.trim() ? { q: q.trim() } : {}),
    ...(category ? { categoryId: category.id } : {}),
    ...(scope !== 'all' && !category ? { scope } : {}),
    sort,
  });
  const remove = useReplyMutation((id: string) => quickReplyApi.remove(id), t('deleted'));
  const rows = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const total = pages.data?.pages[0]?.total ?? 0;

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap>
        <Input.Search
          allowClear
          placeholder={t('list.search')}
          aria-label={t('list.search')}
          onSearch={setQ}
          onChange={(e) => (e.target.value === '' ? setQ('') : undefined)}
          style={{ width: 260 }}
        />
        {category ? null : (
          <Segmented<ReplyScope | 'all'>
            value={scope}
            onChange={setScope}
            options={[
              { value: 'all', label: t('scope.all') },
              { value: 'org', label: t('scope.org') },
              { value: 'personal', label: t('scope.personal') },
            ]}
          />
        )}
        <Select<Sort>
          value={sort}
          onChange={setSort}
          style={{ width: 140 }}
          options={[
            { value: 'usage', label: t('list.sortUsage') },
            { value: 'title', label: t('list.sortTitle') },
          ]}
        />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('list.add')}
        </Button>
        <Typography.Text type="secondary">{t('list.total', { count: total })}</Typography.Text>
      </Space>
      <Table<QuickReply>
        rowKey="id"
        size="small"
        loading={pages.isFetching}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('list.empty') }}
        columns={[
          { title: t('list.colTitle'), dataIndex: 'title', width: 160 },
          {
            title: t('list.colText'),
            dataIndex: 'text',
            render: (text: string) => (
              <Typography.Paragraph ellipsis={{ rows: 2, tooltip: text }} style={{ margin: 0 }}>
                {text}
              </Typography.Paragraph>
            ),
          },
          {
            title: t('list.colCategory'),
            width: 120,
            render: (_: unknown, r) => r.category?.name ?? t('categories.uncategorised'),
          },
          {
            title: t('list.colScope'),
            width: 90,
            render: (_: unknown, r) => <Tag color={r.scope === 'org' ? 'blue' : 'green'}>{t(`scope.${r.scope}`)}</Tag>,
          },
          { title: t('list.colUses'), dataIndex: 'useCount', width: 90 },
          {
            title: t('list.colUpdated'),
            width: 150,
            render: (_: unknown, r) => formatTime(r.updatedAt, i18n.language),
          },
          {
            title: t('list.colActions'),
            width: 100,
            render: (_: unknown, r) =>
              r.canEdit ? (
                <Space size={0}>
                  <Button
                    size="small"
                    type="text"
                    icon={<EditOutlined />}
                    aria-label={t('common:action.edit')}
                    onClick={() => setEditing(r)}
                  />
                  <Popconfirm
                    title={t('list.deleteTitle', { title: r.title })}
                    okText={t('common:action.delete')}
                    cancelText={t('common:action.cancel')}
                    onConfirm={() => remove.mutate(r.id)}
                  >
                    <Button
                      size="small"
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('common:action.delete')}
                    />
                  </Popconfirm>
                </Space>
              ) : null,
          },
        ]}
      />
      {pages.hasNextPage ? (
        <Button onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
          {t('common:action.more')}
        </Button>
      ) : null}
      {editing ? (
        <ReplyModal
          reply={editing === 'new' ? null : editing}
          categories={categories}
          manage={manage}
          defaults={{
            scope: category?.scope ?? (manage && scope === 'org' ? 'org' : 'personal'),
            categoryId: category?.id ?? null,
          }}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Space>
  );
}
