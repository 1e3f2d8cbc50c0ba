/** 下载 Excel: one report as XLSX in the console's language (shown only with data.export; audited). */
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../../../app/auth/use-me';
import { errorText } from '../../../lib/api/error-text';
import { type AnalyticsFilter, downloadReport, type ReportName } from './analytics-api';

export function DownloadReportButton({ report, filter }: { report: ReportName; filter: AnalyticsFilter }) {
  const { t, i18n } = useTranslation('customerAnalytics');
  const me = useMe().data;
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  if (!can(me, 'data.export')) return null;
  const run = async () => {
    setBusy(true);
    try {
      const filename = await downloadReport(report, filter, i18n.language === 'en' ? 'en' : 'zh-CN');
      message.success(t('downloaded', { filename }));
    } catch (err) {
      message.error(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="small" icon={<DownloadOutlined />} loading={busy} onClick={() => void run()}>
      {t('download')}
    </Button>
  );
}
