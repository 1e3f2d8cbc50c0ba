/** The left pane: search, 发起群聊 / 发起单聊, and every conversation with unread badge and preview. */
import { MessageOutlined, PushpinFilled, SearchOutlined, TeamOutlined, UsergroupAddOutlined } from '@ant-design/icons';
import { Avatar, Badge, Button, Empty, Input, Tooltip, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../../components/page-state';
import { type ConversationSummary, useConversations } from './api';
import { arrangeConversations, badgeCount } from './conversation-list';
import { useTimeText } from './use-time-text';

export function ConversationListPane({
  selectedId,
  onSelect,
  onCreate,
}: {
  selectedId: string | undefined;
  onSelect: (id: string) => void;
  onCreate: (kind: 'group' | 'direct') => void;
}) {
  const { t } = useTranslation('messages');
  const [search, setSearch] = useState('');
  const list = useConversations();
  const items = useMemo(() => arrangeConversations([...(list.data?.items ?? [])], search), [list.data, search]);

  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }}>
      <div style={{ display: 'flex', gap: 8, padding: 12, borderBottom: '1px solid #f0f0f0' }}>
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('list.search')}
          aria-label={t('list.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <Tooltip title={t('list.newDirect')}>
          <Button icon={<MessageOutlined />} aria-label={t('list.newDirect')} onClick={() => onCreate('direct')} />
        </Tooltip>
        <Tooltip title={t('list.newGroup')}>
          <Button
            type="primary"
            icon={<UsergroupAddOutlined />}
            aria-label={t('list.newGroup')}
            onClick={() => onCreate('group')}
          />
        </Tooltip>
      </div>
      <div style={{ flex: 1, overflowY: 'auto' }}>
        {list.isLoading ? (
          <Loading />
        ) : list.error ? (
          <LoadError error={list.error} onRetry={() => list.refetch()} />
        ) : items.length === 0 ? (
          <Empty style={{ marginTop: 48 }} description={search ? t('list.noMatch') : t('list.empty')}>
            {search ? null : (
              <Button type="primary" onClick={() => onCreate('group')}>
                {t('list.newGroup')}
              </Button>
            )}
          </Empty>
        ) : (
          items.map((c) => (
            <ConversationRow key={c.id} conversation={c} selected={c.id === selectedId} onSelect={onSelect} />
          ))
        )}
      </div>
    </div>
  );
}

/** The last message's text; an image or file is named by its kind (with its caption, if any). */
function previewBody(t: TFunction, last: { kind: string; body: string }): string {
  if (last.kind === 'image' || last.kind === 'file') {
    const label = last.kind === 'image' ? t('list.image') : t('list.file');
    return last.body ? `${label} ${last.body}` : label;
  }
  return last.body;
}

function ConversationRow({
  conversation: c,
  selected,
  onSelect,
}: {
  conversation: ConversationSummary;
  selected: boolean;
  onSelect: (id: string) => void;
}) {
  const { t } = useTranslation('messages');
  const time = useTimeText();
  const last = c.lastMessage;
  const preview = !last
    ? t('list.draftNone')
    : last.recalled
      ? last.senderName
        ? t('list.recalled', { name: last.senderName })
        : t('list.recalledNoName')
      : c.kind !== 'direct' && last.senderName
        ? `${last.senderName}: ${previewBody(t, last)}`
        : previewBody(t, last);
  return (
    <button
      type="button"
      data-testid={`conversation-${c.id}`}
      aria-current={selected ? 'true' : undefined}
      onClick={() => onSelect(c.id)}
      style={{
        width: '100%',
        border: 'none',
        borderRadius: 0,
        textAlign: 'left',
        font: 'inherit',
        display: 'flex',
        gap: 10,
        padding: '10px 12px',
        cursor: 'pointer',
        background: selected ? '#e6f4ff' : c.pinned ? '#fafafa' : '#fff',
        borderBottom: '1px solid #f5f5f5',
      }}
    >
      <Badge count={c.muted ? 0 : c.unreadCount} dot={c.muted && c.unreadCount > 0} overflowCount={99}>
        <Avatar
          shape="square"
          size={40}
          style={{ background: c.kind === 'direct' ? '#1677ff' : '#13a8a8' }}
          icon={c.kind === 'direct' ? undefined : <TeamOutlined />}
        >
          {c.kind === 'direct' ? c.name.slice(-2) : null}
        </Avatar>
      </Badge>
      <div style={{ flex: 1, minWidth: 0 }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
          <Typography.Text strong ellipsis style={{ flex: 1 }}>
            {c.name}
          </Typography.Text>
          <span style={{ color: '#8c8c8c', fontSize: 12, whiteSpace: 'nowrap' }}>
            {c.pinned ? <PushpinFilled aria-label={t('list.pinned')} style={{ marginRight: 4 }} /> : null}
            {time.short(last?.at ?? c.updatedAt)}
          </span>
        </div>
        <div
          style={{ fontSize: 12, color: '#8c8c8c', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
        >
          {c.mentionedMe && c.unreadCount > 0 ? (
            <span style={{ color: '#f5222d', marginRight: 4 }}>{t('list.mentionedMe')}</span>
          ) : null}
          {c.muted && c.unreadCount > 0 ? `[${badgeCount(c.unreadCount)}] ` : null}
          {preview}
        </div>
      </div>
    </button>
  );
}
