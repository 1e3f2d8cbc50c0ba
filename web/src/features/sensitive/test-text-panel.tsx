/** "Test this text": the hits of every enabled rule highlighted, the action that would apply, the masked text. */
import { Alert, Button, Descriptions, Empty, Flex, Form, Input, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/api/error-text';
import { type TestResult, useTestText } from './api';
import { HitText } from './hit-text';
import { ACTION_COLOR } from './labels';

export function TestTextPanel() {
  const { t } = useTranslation('sensitive');
  const run = useTestText();
  const [form] = Form.useForm<{ text: string }>();
  const tested = Form.useWatch('text', form) ?? '';
  const result = run.data;
  const text = (run.variables ?? '') as string;

  return (
    <div style={{ maxWidth: 860 }}>
      <Form form={form} name="test-text" layout="vertical" onFinish={(v) => run.mutate(v.text)}>
        <Form.Item name="text" label={t('test.label')} extra={t('test.scopeNote')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={5000} placeholder={t('test.placeholder')} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={run.isPending} disabled={!tested.trim()}>
          {t('test.run')}
        </Button>
      </Form>
      {run.error ? <Alert type="error" showIcon title={errorText(t, run.error)} style={{ marginTop: 16 }} /> : null}
      {result ? <Outcome text={text} result={result} /> : null}
    </div>
  );
}

function Outcome({ text, result }: { text: string; result: TestResult }) {
  const { t } = useTranslation('sensitive');
  if (!result.action) {
    return <Empty data-testid="test-result" style={{ marginTop: 24 }} description={t('test.noHit')} />;
  }
  const hits = result.rules.flatMap((r) => r.hits);
  return (
    <Flex vertical gap={16} style={{ marginTop: 24 }} data-testid="test-result">
      <Typography.Text strong>
        {t('test.result', { action: t(`action.${result.action}`) })}{' '}
        <Tag color={ACTION_COLOR[result.action]}>{t(`action.${result.action}`)}</Tag>
      </Typography.Text>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('test.highlighted')}>
          <HitText text={text} hits={hits} testId="test-highlighted" />
        </Descriptions.Item>
        <Descriptions.Item label={t('test.masked')}>
          <span data-testid="test-masked" style={{ whiteSpace: 'pre-wrap' }}>
            {result.masked}
          </span>
        </Descriptions.Item>
      </Descriptions>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={result.rules}
        columns={[
          { title: t('test.rule'), dataIndex: 'name', width: 200 },
          {
            title: t('rules.colAction'),
            key: 'action',
            width: 100,
            render: (_, rule) => <Tag color={ACTION_COLOR[rule.action]}>{t(`action.${rule.action}`)}</Tag>,
          },
          {
            title: t('test.hits'),
            key: 'hits',
            render: (_, rule) => (
              <Space size={[4, 4]} wrap>
                {rule.hits.map((h) => (
                  <Tag key={`${h.start}-${h.end}-${h.word ?? h.kind}`}>
                    {h.type === 'word' ? h.word : `${t(`detector.${h.kind ?? 'url'}`)}: ${h.text}`}
                  </Tag>
                ))}
              </Space>
            ),
          },
        ]}
      />
    </Flex>
  );
}
