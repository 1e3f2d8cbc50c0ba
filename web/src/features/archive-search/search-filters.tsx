/** The search bar: words, sender, external contact's email and period; the conversation filter is a closable tag set from a hit. */
import { SearchOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Form, Grid, Input, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/auth/use-can';
import { MemberSelect } from '../admin/member-select';
import { type ArchiveQuery, archiveQuery } from './search-query';

type Values = {
  q?: string;
  memberId?: string;
  guestEmail?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
};

export function SearchFilters({
  conversation,
  onClearConversation,
  onApply,
}: {
  conversation: { id: string; name: string } | null;
  onClearConversation: () => void;
  onApply: (query: Omit<ArchiveQuery, 'conversationId'>) => void;
}) {
  const { t } = useTranslation('archiveSearch');
  const [form] = Form.useForm<Values>();
  const screens = Grid.useBreakpoint();
  const canPickMembers = useCan('member.view');
  const field = { style: screens.md ? { marginBottom: 8 } : { marginBottom: 8, width: '100%' } };
  return (
    <Form<Values>
      form={form}
      layout={screens.md ? 'inline' : 'vertical'}
      onFinish={(values) => onApply(archiveQuery(values))}
      style={{ marginBottom: 8, rowGap: 0 }}
    >
      <Form.Item name="q" {...field} style={{ ...field.style, flex: screens.md ? '1 1 360px' : undefined }}>
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('searchPlaceholder')}
          aria-label={t('searchPlaceholder')}
          maxLength={200}
        />
      </Form.Item>
      {canPickMembers ? (
        <Form.Item name="memberId" label={t('filters.member')} {...field}>
          <MemberSelect placeholder={t('filters.memberPlaceholder')} />
        </Form.Item>
      ) : null}
      <Form.Item name="guestEmail" label={t('filters.guestEmail')} {...field}>
        <Input
          allowClear
          placeholder={t('filters.guestEmailPlaceholder')}
          style={{ width: screens.md ? 200 : '100%' }}
        />
      </Form.Item>
      <Form.Item name="range" label={t('filters.range')} {...field}>
        <DatePicker.RangePicker
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          allowEmpty={[true, true]}
          style={{ width: screens.md ? 320 : '100%' }}
        />
      </Form.Item>
      <Form.Item style={{ marginBottom: 8 }}>
        <Button type="primary" htmlType="submit" style={{ marginInlineEnd: 8 }}>
          {t('filters.search')}
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            onClearConversation();
            onApply({});
          }}
        >
          {t('filters.reset')}
        </Button>
      </Form.Item>
      <Flex align="center" gap={8} style={{ width: '100%', marginBottom: 8 }}>
        <Typography.Text type="secondary">{t('filters.conversation')}</Typography.Text>
        {conversation ? (
          <Tag closable onClose={onClearConversation} color="blue" data-testid="archive-conversation-filter">
            {conversation.name}
          </Tag>
        ) : (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('filters.conversationHint')}
          </Typography.Text>
        )}
      </Flex>
    </Form>
  );
}
