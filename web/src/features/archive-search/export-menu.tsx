/** 导出: CSV, JSON Lines, EML (ZIP) or PDF of the current results or of one conversation (archive.view and data.export). */
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/api/error-text';
import { downloadExport, type ExportFormat } from './archive-search-api';
import type { ArchiveQuery } from './search-query';

const FORMATS: ExportFormat[] = ['csv', 'jsonl', 'eml', 'pdf'];

export function ExportMenu({
  target,
  label,
  disabled,
}: {
  target: { query: ArchiveQuery } | { conversationId: string };
  label: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation('archiveSearch');
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async (format: ExportFormat) => {
    setBusy(true);
    try {
      const result = await downloadExport(format, target);
      message.success(t('export.done', { filename: result.filename }));
      if (result.truncated) message.warning(t('export.truncated', { count: result.count }));
    } catch (err) {
      message.error(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dropdown
      disabled={disabled || busy}
      trigger={['click']}
      menu={{
        items: FORMATS.map((format) => ({ key: format, label: t(`export.${format}`) })),
        onClick: ({ key }) => void run(key as ExportFormat),
      }}
    >
      <Button icon={<DownloadOutlined />} loading={busy}>
        {busy ? t('export.working') : label}
      </Button>
    </Dropdown>
  );
}
