/** Editing a customer group's keyword auto-replies: rules of keywords, a match mode and a reply. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Form, Input, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/page-state';
import { errorText } from '../../lib/api/error-text';
import { type AutoReplyRule, useAutoReplies, useSaveAutoReplies } from './api';

export function AutoRepliesEditor({ groupId, editable }: { groupId: string; editable: boolean }) {
  const { t } = useTranslation('customerGroups');
  const query = useAutoReplies(groupId);
  return (
    <QueryState query={query}>
      {(data) =>
        editable ? (
          <RulesForm groupId={groupId} rules={data.rules} />
        ) : data.rules.length === 0 ? (
          <Empty description={t('replies.none')} />
        ) : (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text type="secondary">{t('replies.readOnly')}</Typography.Text>
            {data.rules.map((r, i) => (
              <Card key={`${i}-${r.reply}`} size="small" title={r.keywords.join(' / ')}>
                {r.reply}
              </Card>
            ))}
          </Space>
        )
      }
    </QueryState>
  );
}

function RulesForm({ groupId, rules }: { groupId: string; rules: AutoReplyRule[] }) {
  const { t } = useTranslation('customerGroups');
  const { message } = App.useApp();
  const save = useSaveAutoReplies(groupId);
  return (
    <Form
      layout="vertical"
      initialValues={{ rules }}
      onFinish={(values: { rules?: AutoReplyRule[] }) =>
        save.mutate(values.rules ?? [], {
          onSuccess: () => message.success(t('replies.saved')),
          onError: (error) => message.error(errorText(t, error)),
        })
      }
    >
      <Typography.Paragraph type="secondary">{t('replies.help')}</Typography.Paragraph>
      <Form.List name="rules">
        {(fields, { add, remove }) => (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {fields.map((field, index) => (
              <Card
                key={field.key}
                size="small"
                data-testid="auto-reply-rule"
                extra={
                  <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)}>
                    {t('replies.remove')}
                  </Button>
                }
                title={`#${index + 1}`}
              >
                <Form.Item
                  name={[field.name, 'keywords']}
                  label={t('replies.keywords')}
                  extra={t('replies.keywordsHelp')}
                  rules={[{ required: true, type: 'array', min: 1 }]}
                >
                  <Select mode="tags" open={false} aria-label={t('replies.keywords')} />
                </Form.Item>
                <Form.Item name={[field.name, 'match']} label={t('replies.match')} initialValue="contains">
                  <Select
                    options={[
                      { value: 'exact', label: t('replies.exact') },
                      { value: 'contains', label: t('replies.contains') },
                    ]}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'reply']}
                  label={t('replies.reply')}
                  rules={[{ required: true, max: 500 }]}
                >
                  <Input.TextArea rows={2} maxLength={500} showCount aria-label={t('replies.reply')} />
                </Form.Item>
              </Card>
            ))}
            <Button
              block
              type="dashed"
              icon={<PlusOutlined />}
              disabled={fields.length >= 20}
              onClick={() => add({ keywords: [], match: 'contains', reply: '' })}
            >
              {t('replies.add')}
            </Button>
          </Space>
        )}
      </Form.List>
      <Button type="primary" htmlType="submit" loading={save.isPending} style={{ marginTop: 16 }}>
        {t('replies.save')}
      </Button>
    </Form>
  );
}
