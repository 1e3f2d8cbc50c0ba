/** Tag groups and their tags: org-wide ones (changed with customer.manage) and the member's personal ones. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../components/page-state';
import { type TagGroup, useTagGroups } from '../api';
import { TagGroupCard } from './tag-group-card';
import { TagGroupModal } from './tag-group-modal';

export function TagsTab({ manage }: { manage: boolean }) {
  const { t } = useTranslation('customers');
  const groups = useTagGroups();
  const [creating, setCreating] = useState<'org' | 'personal' | null>(null);
  return (
    <QueryState query={groups}>
      {(items) => (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Section
            title={t('tags.orgGroups')}
            groups={items.filter((g) => !g.personal)}
            editable={manage}
            onAdd={manage ? () => setCreating('org') : undefined}
            addLabel={t('tags.addGroup')}
          />
          <Section
            title={t('tags.personalGroups')}
            hint={t('tags.personalHint')}
            groups={items.filter((g) => g.personal)}
            editable
            onAdd={() => setCreating('personal')}
            addLabel={t('tags.addPersonalGroup')}
          />
          {creating ? <TagGroupModal personal={creating === 'personal'} onClose={() => setCreating(null)} /> : null}
        </Space>
      )}
    </QueryState>
  );
}

type SectionProps = {
  title: string;
  hint?: string;
  groups: TagGroup[];
  editable: boolean;
  onAdd?: (() => void) | undefined;
  addLabel: string;
};

function Section({ title, hint, groups, editable, onAdd, addLabel }: SectionProps) {
  const { t } = useTranslation('customers');
  return (
    <div>
      <div style={{ display: 'flex', alignItems: 'center', gap: 8, marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0, flex: 1 }}>
          {title}
        </Typography.Title>
        {onAdd ? (
          <Button icon={<PlusOutlined />} onClick={onAdd}>
            {addLabel}
          </Button>
        ) : null}
      </div>
      {hint ? <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph> : null}
      {groups.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tags.empty')} />
      ) : (
        <Space orientation="vertical" size={8} style={{ width: '100%' }}>
          {groups.map((g) => (
            <TagGroupCard key={g.id} group={g} editable={editable} />
          ))}
        </Space>
      )}
    </div>
  );
}
