/** A customer's tags; personal tags (visible only to the viewer) are dashed. */
import { Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../api';

export function CustomerTags({ tags, empty }: { tags: Customer['tags']; empty?: boolean }) {
  const { t } = useTranslation('customers');
  if (tags.length === 0) return empty ? <Typography.Text type="secondary">{t('detail.noTags')}</Typography.Text> : null;
  return (
    <Space size={[0, 4]} wrap>
      {tags.map((tag) => (
        <Tooltip key={tag.id} title={tag.personal ? `${tag.groupName} · ${t('detail.personal')}` : tag.groupName}>
          <Tag style={tag.personal ? { borderStyle: 'dashed' } : undefined}>{tag.name}</Tag>
        </Tooltip>
      ))}
    </Space>
  );
}
