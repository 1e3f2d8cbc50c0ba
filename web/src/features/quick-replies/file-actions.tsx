/** Import and export of the org's replies (quick_reply.manage): CSV or Excel, all rows or none. */
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Dropdown, Space } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invalidateQuickReplies } from './api';
import { downloadQuickReplies, uploadQuickReplies } from './file-api';
import { replyErrorText } from './reply-logic';

export function FileActions() {
  const { t } = useTranslation('quickReplies');
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  const importFile = async (file: File) => {
    setBusy(true);
    try {
      const result = await uploadQuickReplies(file);
      if (result.errors.length > 0) {
        modal.error({
          title: t('file.importRefused', { count: result.errors.length }),
          content: (
            <ul style={{ paddingInlineStart: 16, maxHeight: 240, overflowY: 'auto' }}>
              {result.errors.map((e) => (
                <li key={`${e.line}-${e.field}`}>{t('file.rowError', { line: e.line, message: e.message })}</li>
              ))}
            </ul>
          ),
        });
        return;
      }
      await invalidateQuickReplies(client);
      message.success(t('file.imported', { count: result.created }));
    } catch (error) {
      message.error(replyErrorText(t, error));
    } finally {
      setBusy(false);
    }
  };

  const exportAs = (format: 'csv' | 'xlsx') =>
    downloadQuickReplies(format).catch((error: unknown) => message.error(replyErrorText(t, error)));

  return (
    <Space>
      <Button icon={<UploadOutlined />} loading={busy} onClick={() => input.current?.click()}>
        {t('file.import')}
      </Button>
      <Dropdown
        menu={{
          items: [
            { key: 'xlsx', label: t('file.exportXlsx') },
            { key: 'csv', label: t('file.exportCsv') },
          ],
          onClick: ({ key }) => void exportAs(key as 'csv' | 'xlsx'),
        }}
      >
        <Button icon={<DownloadOutlined />}>{t('file.export')}</Button>
      </Dropdown>
      <input
        ref={input}
        type="file"
        hidden
        accept=".csv,.xlsx"
        data-testid="quick-reply-import-input"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) void importFile(file);
        }}
      />
    </Space>
  );
}
