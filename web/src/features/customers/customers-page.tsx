/**
 * 客户: the customers in the member's scope with filters kept in the URL, bulk tagging, import,
 * export, the duplicates and the bin (deleted customers, restorable for 30 days).
 */
import {
  DeleteOutlined,
  HistoryOutlined,
  ImportOutlined,
  MergeCellsOutlined,
  QrcodeOutlined,
  SettingOutlined,
  SwapOutlined,
  TagsOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Space, Typography } from 'antd';
import { type Key, useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { can, useMe } from '../../app/auth/use-me';
import { RequirePermission } from '../../components/require-permission';
import { api, unwrap } from '../../lib/api/client';
import { errorText } from '../../lib/api/error-text';
import { type Customer, type CustomerFilter, invalidateCustomers, useCustomerList } from './api';
import { BulkTagModal } from './components/bulk-tag-modal';
import { CustomerFilters } from './components/customer-filters';
import { CustomerFormModal } from './components/customer-form-modal';
import { CustomerTable } from './components/customer-table';
import { ExportButton } from './components/export-button';
import { ImportModal } from './components/import-modal';
import { filterFromParams, isFiltered, paramsFromFilter } from './lib/customer-query';
import { TransferWizard } from './transfers/transfer-wizard';

export function CustomersPage() {
  return (
    <RequirePermission permission="customer.serve">
      <CustomersView />
    </RequirePermission>
  );
}

function CustomersView() {
  const { t } = useTranslation('customers');
  const me = useMe().data;
  const navigate = useNavigate();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => filterFromParams(params), [params]);
  const [selected, setSelected] = useState<Key[]>([]);
  const [modal, setModal] = useState<'create' | 'import' | 'tags' | 'transfer' | null>(null);
  // The table's own query (same key): names of the selected customers for the transfer wizard.
  const loaded = useCustomerList(filter).data;

  const setFilter = useCallback(
    (next: CustomerFilter) => {
      setSelected([]);
      setParams(paramsFromFilter(next), { replace: true });
    },
    [setParams],
  );
  const restore = useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/customers/{id}/restore', { params: { path: { id } } })),
    onSuccess: async () => {
      await invalidateCustomers(client);
      message.success(t('list.restored'));
    },
    onError: (err) => {
      message.error(errorText(t, err));
    },
  });

  const inBin = filter.deleted === true;
  const canDelete = can(me, 'customer.delete');
  const restoreButton = (c: Customer) => (
    <Button size="small" onClick={() => restore.mutate(c.id)} loading={restore.isPending && restore.variables === c.id}>
      {t('list.restore')}
    </Button>
  );

  return (
    <Card size="small" styles={{ body: { padding: 16 } }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0, flex: '1 1 auto' }}>
          {inBin ? t('list.bin') : t('title')}
        </Typography.Title>
        {inBin ? (
          <Button onClick={() => setFilter({})}>{t('list.backToList')}</Button>
        ) : (
          <Space wrap>
            <Button type="primary" icon={<UserAddOutlined />} onClick={() => setModal('create')}>
              {t('list.add')}
            </Button>
            <Button icon={<TagsOutlined />} disabled={selected.length === 0} onClick={() => setModal('tags')}>
              {t('list.bulkTag')}
            </Button>
            {can(me, 'customer.view') ? (
              <Button icon={<SwapOutlined />} disabled={selected.length === 0} onClick={() => setModal('transfer')}>
                {t('transfer.assign')}
              </Button>
            ) : null}
            <Button icon={<QrcodeOutlined />} onClick={() => navigate('/customers/contact-links')}>
              {t('contact.myLinks')}
            </Button>
            <Button icon={<HistoryOutlined />} onClick={() => navigate('/customers/transfers')}>
              {t('transfer.records')}
            </Button>
            <Button icon={<ImportOutlined />} onClick={() => setModal('import')}>
              {t('list.import')}
            </Button>
            {can(me, 'data.export') ? <ExportButton filter={filter} /> : null}
            <Button icon={<MergeCellsOutlined />} onClick={() => navigate('/customers/duplicates')}>
              {t('list.duplicates')}
            </Button>
            {canDelete ? (
              <Button icon={<DeleteOutlined />} onClick={() => setFilter({ deleted: true })}>
                {t('list.bin')}
              </Button>
            ) : null}
            <Button icon={<SettingOutlined />} onClick={() => navigate('/customers/settings')}>
              {t('list.settings')}
            </Button>
          </Space>
        )}
      </div>
      {inBin ? <Alert type="info" showIcon title={t('list.binHint')} style={{ marginBottom: 12 }} /> : null}
      <div style={{ marginBottom: 12 }}>
        <CustomerFilters filter={filter} onChange={setFilter} />
      </div>
      {selected.length > 0 ? (
        <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
          {t('list.selected', { count: selected.length })}
        </Typography.Text>
      ) : null}
      <CustomerTable
        filter={filter}
        filtered={isFiltered(filter)}
        selected={selected}
        onSelect={setSelected}
        action={inBin ? restoreButton : undefined}
      />
      {modal === 'create' ? (
        <CustomerFormModal
          mode="create"
          onClose={() => setModal(null)}
          onCreated={(id) => navigate(`/customers/${id}`)}
        />
      ) : null}
      {modal === 'import' ? <ImportModal onClose={() => setModal(null)} /> : null}
      {modal === 'transfer' ? (
        <TransferWizard
          customers={selected.map((key) => {
            const found = loaded?.pages.flatMap((p) => p.items).find((c) => c.id === key);
            return { id: String(key), name: found?.name ?? '' };
          })}
          onClose={(done) => {
            setModal(null);
            if (done) setSelected([]);
          }}
        />
      ) : null}
      {modal === 'tags' ? (
        <BulkTagModal
          customerIds={selected.map(String)}
          onClose={(done) => {
            setModal(null);
            if (done) setSelected([]);
          }}
        />
      ) : null}
    </Card>
  );
}
