/** Step 1: choose a CSV/XLSX file (or download the template). The file is checked right away. */
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Space, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { TEMPLATE_FILE_NAME, templateCsv } from '../lib/import-template';

/** A data: URL, so the template is a plain download link with no server round trip. */
const TEMPLATE_HREF = `data:text/csv;charset=utf-8,${encodeURIComponent(templateCsv())}`;

type Props = { onFile: (file: File) => void; checking: boolean; error: string | null };

export function UploadStep({ onFile, checking, error }: Props) {
  const { t } = useTranslation('directory');
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Alert type="info" showIcon title={t('import.templateHint')} />
      <a href={TEMPLATE_HREF} download={TEMPLATE_FILE_NAME}>
        <DownloadOutlined /> {t('import.downloadTemplate')}
      </a>
      {error ? <Alert type="error" showIcon title={error} /> : null}
      <Upload.Dragger
        accept=".csv,.xlsx"
        multiple={false}
        showUploadList={false}
        disabled={checking}
        beforeUpload={(file) => {
          onFile(file);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{checking ? t('import.checking') : t('import.dragText')}</p>
        <p className="ant-upload-hint">{t('import.dragHint')}</p>
      </Upload.Dragger>
    </Space>
  );
}
