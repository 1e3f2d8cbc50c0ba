/** 导出 CSV: downloads the export for the current filters (shown only with data.export). */
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/api/error-text';
import { downloadAuditCsv } from './audit-api';
import type { AuditQuery } from './audit-query';

export function AuditExportButton({ query }: { query: AuditQuery }) {
  const { t } = useTranslation('admin');
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const filename = await downloadAuditCsv(query);
      message.success(t('audit.exported', { filename }));
    } catch (err) {
      message.error(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void run()}>
      {busy ? t('audit.exporting') : t('audit.export')}
    </Button>
  );
}
