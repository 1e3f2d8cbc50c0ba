/** Custom customer fields: name, type (fixed once saved), options of a select, required; saved as a whole. */
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, Input, Select, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../lib/api/client';
import { errorText } from '../../../lib/api/error-text';
import { type Field, invalidateCustomers, useFields } from '../api';
import { moveItem } from '../lib/reorder';

type Row = { key: string; id?: string; name: string; type: Field['type']; options: string[]; required: boolean };

let counter = 0;
const rowOf = (f: Field): Row => ({
  key: f.id,
  id: f.id,
  name: f.name,
  type: f.type,
  options: f.options,
  required: f.required,
});

export function FieldsTab({ manage }: { manage: boolean }) {
  const { t } = useTranslation('customers');
  const { message } = App.useApp();
  const client = useQueryClient();
  const fields = useFields();
  const [rows, setRows] = useState<Row[]>([]);
  useEffect(() => setRows((fields.data ?? []).map(rowOf)), [fields.data]);

  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/v1/customer-fields', {
          body: {
            fields: rows.map((r) => ({
              ...(r.id ? { id: r.id } : {}),
              name: r.name.trim(),
              type: r.type,
              ...(r.type === 'select' ? { options: r.options } : {}),
              required: r.required,
            })),
          },
        }),
      ),
    onSuccess: async () => {
      await invalidateCustomers(client);
      message.success(t('fields.saved'));
    },
    onError: (err) => {
      message.error(errorText(t, err));
    },
  });
  const update = (key: string, patch: Partial<Row>) =>
    setRows((list) => list.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const types = (['text', 'number', 'date', 'select'] as const).map((k) => ({
    value: k,
    label: t(`fields.types.${k}`),
  }));

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('fields.hint')}</Typography.Text>
      <Table<Row>
        size="small"
        rowKey="key"
        pagination={false}
        loading={fields.isLoading}
        dataSource={rows}
        locale={{ emptyText: t('fields.none') }}
        scroll={{ x: 720 }}
        columns={[
          {
            key: 'name',
            title: t('fields.name'),
            width: 180,
            render: (_, r) => (
              <Input
                value={r.name}
                maxLength={32}
                disabled={!manage}
                onChange={(e) => update(r.key, { name: e.target.value })}
                aria-label={t('fields.name')}
              />
            ),
          },
          {
            key: 'type',
            title: t('fields.type'),
            width: 120,
            render: (_, r) => (
              <Select
                value={r.type}
                options={types}
                disabled={!manage || Boolean(r.id)}
                onChange={(type) => update(r.key, { type })}
                aria-label={t('fields.type')}
                style={{ width: '100%' }}
              />
            ),
          },
          {
            key: 'options',
            title: t('fields.options'),
            render: (_, r) =>
              r.type === 'select' ? (
                <Select
                  mode="tags"
                  value={r.options}
                  open={false}
                  suffixIcon={null}
                  disabled={!manage}
                  tokenSeparators={[',', '，', '、']}
                  onChange={(options) => update(r.key, { options })}
                  placeholder={t('fields.optionsHint')}
                  aria-label={t('fields.options')}
                  style={{ width: '100%' }}
                />
              ) : null,
          },
          {
            key: 'required',
            title: t('fields.required'),
            width: 70,
            render: (_, r) => (
              <Checkbox
                checked={r.required}
                disabled={!manage}
                onChange={(e) => update(r.key, { required: e.target.checked })}
                aria-label={t('fields.required')}
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
                        aria-label={t('fields.remove')}
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
            onClick={() =>
              setRows((list) => [
                ...list,
                { key: `new-${++counter}`, name: '', type: 'text', options: [], required: false },
              ])
            }
          >
            {t('fields.add')}
          </Button>
          <Button type="primary" loading={save.isPending} onClick={() => save.mutate()}>
            {t('common:action.save')}
          </Button>
        </Space>
      ) : null}
    </Space>
  );
}
