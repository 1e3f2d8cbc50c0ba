/** 导出: downloads the customers the current filters find, as CSV or Excel (shown only with data.export). */
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/api/error-text';
import type { CustomerFilter } from '../api';
import { exportSearch } from '../lib/customer-query';
import { downloadCustomers } from '../transfer-api';

export function ExportButton({ filter }: { filter: CustomerFilter }) {
  const { t } = useTranslation('customers');
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async (format: 'csv' | 'xlsx') => {
    setBusy(true);
    try {
      const filename = await downloadCustomers(exportSearch(filter, format));
      message.success(t('list.exported', { filename }));
    } catch (err) {
      message.error(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'csv', label: t('list.exportCsv') },
          { key: 'xlsx', label: t('list.exportXlsx') },
        ],
        onClick: ({ key }) => void run(key as 'csv' | 'xlsx'),
      }}
    >
      <Button icon={<DownloadOutlined />} loading={busy}>
        {t('list.export')}
      </Button>
    </Dropdown>
  );
}
