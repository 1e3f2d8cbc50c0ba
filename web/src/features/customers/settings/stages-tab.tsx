/** The stage pipeline: names, kinds and order, saved as a whole (customer.manage). */
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Input, Select, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api/api-error';
import { api, unwrap } from '../../../lib/api/client';
import { errorText } from '../../../lib/api/error-text';
import { invalidateCustomers, type Stage, useStages } from '../api';
import { moveItem } from '../lib/reorder';

type Row = { key: string; id?: string; name: string; kind: Stage['kind'] };

let counter = 0;
const rowOf = (s: Stage): Row => ({ key: s.id, id: s.id, name: s.name, kind: s.kind });

export function StagesTab({ manage }: { manage: boolean }) {
  const { t } = useTranslation('customers');
  const { message } = App.useApp();
  const client = useQueryClient();
  const stages = useStages();
  const [rows, setRows] = useState<Row[]>([]);
  useEffect(() => setRows((stages.data ?? []).map(rowOf)), [stages.data]);

  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/v1/customer-stages', {
          body: {
            stages: rows.map((r) => ({ ...(r.id ? { id: r.id } : {}), name: r.name.trim(), kind: r.kind })),
          },
        }),
      ),
    onSuccess: async () => {
      await invalidateCustomers(client);
      message.success(t('stages.saved'));
    },
    onError: (err) => {
      const details =
        err instanceof ApiError ? (err.details as { reason?: string; stageId?: string; customers?: number }) : null;
      if (details?.reason === 'stage_in_use') {
        const name = stages.data?.find((s) => s.id === details.stageId)?.name ?? '';
        message.error(t('stages.inUse', { count: details.customers ?? 0, name }));
      } else message.error(errorText(t, err));
    },
  });
  const update = (key: string, patch: Partial<Row>) =>
    setRows((list) => list.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const kinds = (['open', 'won', 'lost'] as const).map((k) => ({ value: k, label: t(`stageKind.${k}`) }));

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('stages.hint')}</Typography.Text>
      <Table<Row>
        size="small"
        rowKey="key"
        pagination={false}
        loading={stages.isLoading}
        dataSource={rows}
        columns={[
          {
            key: 'name',
            title: t('stages.name'),
            render: (_, r) => (
              <Input
                value={r.name}
                maxLength={32}
                disabled={!manage}
                onChange={(e) => update(r.key, { name: e.target.value })}
                aria-label={t('stages.name')}
              />
            ),
          },
          {
            key: 'kind',
            title: t('stages.kind'),
            width: 140,
            render: (_, r) => (
              <Select
                value={r.kind}
                options={kinds}
                disabled={!manage}
                onChange={(kind) => update(r.key, { kind })}
                aria-label={t('stages.kind')}
                style={{ width: '100%' }}
              />
            ),
          },
          ...(manage
            ? [
                {
                  key: 'actions',
                  title: '',
                  width: 130,
                  render: (_: unknown, r: Row, index: number) => (
                    <Space size={0}>
                      <Button
                        type="text"
                        icon={<ArrowUpOutlined />}
                        aria-label={t('stages.up')}
                        onClick={() => setRows((list) => moveItem(list, index, -1))}
                      />
                      <Button
                        type="text"
                        icon={<ArrowDownOutlined />}
                        aria-label={t('stages.down')}
                        onClick={() => setRows((list) => moveItem(list, index, 1))}
                      />
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('stages.remove')}
                        onClick={() => setRows((list) => list.filter((x) => x.key !== r.key))}
                      />
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {manage ? (
        <Space>
          <Button
            icon={<PlusOutlined />}
            onClick={() => setRows((list) => [...list, { key: `new-${++counter}`, name: '', kind: 'open' }])}
          >
            {t('stages.add')}
          </Button>
          <Button type="primary" loading={save.isPending} onClick={() => save.mutate()}>
            {t('common:action.save')}
          </Button>
        </Space>
      ) : null}
    </Space>
  );
}
