/** The categories column: all replies, the org's categories, then the member's own; add, edit, delete. */
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type QuickReplyCategory, quickReplyApi, type ReplyScope } from './api';
import { CategoryModal } from './category-modal';
import { useReplyMutation } from './use-reply-mutation';

export function CategoryPanel({
  categories,
  selected,
  onSelect,
  manage,
}: {
  categories: readonly QuickReplyCategory[];
  selected: string | null;
  onSelect: (id: string | null) => void;
  manage: boolean;
}) {
  const { t } = useTranslation('quickReplies');
  const [editing, setEditing] = useState<{ scope: ReplyScope; category: QuickReplyCategory | null } | null>(null);
  const remove = useReplyMutation((id: string) => quickReplyApi.removeCategory(id), t('deleted'));
  const section = (scope: ReplyScope) => (
    <div style={{ marginTop: 12 }}>
      <div style={{ display: 'flex', alignItems: 'center' }}>
        <Typography.Text type="secondary" style={{ flex: 1, fontSize: 12 }}>
          {scope === 'org' ? t('categories.org') : t('categories.personal')}
        </Typography.Text>
        {scope === 'personal' || manage ? (
          <Button
            size="small"
            type="text"
            icon={<PlusOutlined />}
            aria-label={scope === 'org' ? t('categories.addOrg') : t('categories.addPersonal')}
            onClick={() => setEditing({ scope, category: null })}
          />
        ) : null}
      </div>
      {categories
        .filter((c) => c.scope === scope)
        .map((c) => (
          <Row
            key={c.id}
            label={c.name}
            count={c.replyCount}
            active={selected === c.id}
            onClick={() => onSelect(c.id)}
            actions={
              c.canEdit ? (
                <>
                  <Button
                    size="small"
                    type="text"
                    icon={<EditOutlined />}
                    aria-label={t('categories.edit')}
                    onClick={() => setEditing({ scope, category: c })}
                  />
                  <Popconfirm
                    title={t('categories.deleteTitle', { name: c.name })}
                    description={t('categories.deleteText')}
                    okText={t('common:action.delete')}
                    cancelText={t('common:action.cancel')}
                    onConfirm={() =>
                      remove.mutate(c.id, { onSuccess: () => (selected === c.id ? onSelect(null) : undefined) })
                    }
                  >
                    <Button size="small" type="text" icon={<DeleteOutlined />} aria-label={t('common:action.delete')} />
                  </Popconfirm>
                </>
              ) : null
            }
          />
        ))}
    </div>
  );
  return (
    <nav aria-label={t('categories.title')} data-testid="quick-reply-categories">
      <Row label={t('categories.all')} active={selected === null} onClick={() => onSelect(null)} />
      {section('org')}
      {section('personal')}
      {editing ? (
        <CategoryModal scope={editing.scope} category={editing.category} onClose={() => setEditing(null)} />
      ) : null}
    </nav>
  );
}

function Row({
  label,
  count,
  active,
  onClick,
  actions,
}: {
  label: string;
  count?: number;
  active: boolean;
  onClick: () => void;
  actions?: ReactNode;
}) {
  return (
    <div
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: 4,
        padding: '0 4px',
        borderRadius: 4,
        background: active ? '#e6f4ff' : undefined,
      }}
    >
      <button
        type="button"
        aria-current={active ? 'true' : undefined}
        onClick={onClick}
        style={{
          flex: 1,
          minWidth: 0,
          display: 'flex',
          gap: 4,
          padding: '4px',
          border: 'none',
          background: 'transparent',
          cursor: 'pointer',
          textAlign: 'left',
          color: active ? '#1677ff' : 'inherit',
        }}
      >
        <span style={{ flex: 1, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{label}</span>
        {count !== undefined ? <span style={{ color: '#8c8c8c' }}>{count}</span> : null}
      </button>
      {actions}
    </div>
  );
}
