/** Step 2: totals and every problem with its line; only a clean file may be imported. */
import { Alert, Button, Col, Row, Space, Statistic, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { fieldKey, reasonText } from '../lib/import-reasons';
import type { ImportResult, ImportRowError } from './import-api';

type Props = {
  fileName: string;
  result: ImportResult;
  importing: boolean;
  error: string | null;
  onBack: () => void;
  onImport: () => void;
};

export function CheckStep({ fileName, result, importing, error, onBack, onImport }: Props) {
  const { t } = useTranslation('directory');
  const problems = result.errors.length;
  const columns: TableColumnsType<ImportRowError & { key: string }> = [
    { key: 'line', title: t('import.colLine'), dataIndex: 'line', width: 80 },
    {
      key: 'field',
      title: t('import.colField'),
      width: 120,
      render: (_, e) => {
        const key = fieldKey(e.field);
        return key ? t(key) : e.field;
      },
    },
    {
      key: 'reason',
      title: t('import.colReason'),
      render: (_, e) => {
        const text = reasonText(e);
        return 'raw' in text ? text.raw : t(text.key, text.values);
      },
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Row gutter={16}>
        <Col xs={8}>
          <Statistic title={t('import.total')} value={result.total} />
        </Col>
        <Col xs={8}>
          <Statistic title={t('import.valid')} value={result.valid} styles={{ content: { color: '#389e0d' } }} />
        </Col>
        <Col xs={8}>
          <Statistic
            title={t('import.invalid')}
            value={problems}
            styles={{ content: { color: problems > 0 ? '#cf1322' : undefined } }}
          />
        </Col>
      </Row>
      <Alert type="info" title={t('import.fileName', { name: fileName })} />
      {problems > 0 ? (
        <Alert type="error" showIcon title={t('import.hasErrors', { count: problems })} />
      ) : (
        <Alert type="success" showIcon title={t('import.allValid', { count: result.valid })} />
      )}
      {error ? <Alert type="error" showIcon title={error} /> : null}
      {problems > 0 ? (
        <Table
          size="small"
          columns={columns}
          dataSource={result.errors.map((e, i) => ({ ...e, key: `${e.line}-${e.field}-${i}` }))}
          pagination={result.errors.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          scroll={{ x: 480 }}
        />
      ) : null}
      <Space wrap>
        <Button onClick={onBack} disabled={importing}>
          {t('import.reupload')}
        </Button>
        {problems === 0 ? (
          <Button type="primary" onClick={onImport} loading={importing} disabled={result.valid === 0}>
            {t('import.start')}
          </Button>
        ) : null}
      </Space>
    </Space>
  );
}
