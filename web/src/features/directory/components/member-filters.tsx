/** Search box and status filter above the member table; the search applies as the user pauses typing. */
import { SearchOutlined } from '@ant-design/icons';
import { Input, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberStatus } from '../api/queries';

type Props = {
  q: string;
  status: MemberStatus | undefined;
  onChange: (next: { q: string; status: MemberStatus | undefined }) => void;
};

export function MemberFilters({ q, status, onChange }: Props) {
  const { t } = useTranslation('directory');
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  useEffect(() => {
    if (text.trim() === q) return;
    const timer = setTimeout(() => onChange({ q: text.trim(), status }), 300);
    return () => clearTimeout(timer);
  }, [text, q, status, onChange]);

  return (
    <Space wrap>
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('list.searchPlaceholder')}
        aria-label={t('list.searchLabel')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onPressEnter={() => onChange({ q: text.trim(), status })}
        style={{ width: 320, maxWidth: '100%' }}
        maxLength={100}
      />
      <Select<MemberStatus | 'all'>
        aria-label={t('list.statusFilter')}
        value={status ?? 'all'}
        onChange={(value) => onChange({ q: text.trim(), status: value === 'all' ? undefined : value })}
        style={{ width: 120 }}
        options={[
          { value: 'all', label: t('status.all') },
          { value: 'active', label: t('status.active') },
          { value: 'disabled', label: t('status.disabled') },
          { value: 'departed', label: t('status.departed') },
        ]}
      />
    </Space>
  );
}
