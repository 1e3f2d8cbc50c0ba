/**
 * The composer's quick-reply button: a popover searching the replies the member can use (org-wide
 * and personal, most used first); picking one hands it to the composer.
 * Opened by the button with its own search box, or by a `/` shortcut whose keyword the composer types.
 * The composer counts the use, so both ways count.
 */
import { SnippetsOutlined } from '@ant-design/icons';
import { Button, Empty, Input, Popover, Spin, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type QuickReply, useQuickReplies } from './api';

const SHOWN = 20;

export function QuickReplyPicker({
  open,
  keyword,
  onOpenChange,
  onPick,
  onFirstChange,
}: {
  open: boolean;
  /** Set while the composer holds a `/` shortcut: the search follows what is typed there. */
  keyword: string | null;
  onOpenChange: (open: boolean) => void;
  onPick: (reply: QuickReply) => void;
  /** The first match, so Enter in the composer can pick it during a `/` shortcut. */
  onFirstChange?: (reply: QuickReply | null) => void;
}) {
  const { t } = useTranslation('quickReplies');
  const [search, setSearch] = useState('');
  const q = (keyword ?? search).trim();
  const replies = useQuickReplies({ ...(q ? { q } : {}), limit: SHOWN }, open);
  const items = replies.data?.items ?? [];
  const first = open ? (items[0] ?? null) : null;

  useEffect(() => onFirstChange?.(first), [first, onFirstChange]);

  const pick = (reply: QuickReply) => {
    onPick(reply);
    setSearch('');
  };

  const content = (
    <div style={{ width: 340 }} data-testid="quick-reply-picker">
      {keyword === null ? (
        <Input.Search
          autoFocus
          allowClear
          size="small"
          placeholder={t('picker.search')}
          aria-label={t('picker.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          style={{ marginBottom: 8 }}
        />
      ) : (
        <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8, fontSize: 12 }}>
          {t('picker.slashHint')}
        </Typography.Text>
      )}
      <div style={{ maxHeight: 320, overflowY: 'auto' }}>
        {replies.isLoading ? (
          <Spin size="small" />
        ) : items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('picker.empty')} />
        ) : (
          items.map((reply) => (
            <button
              key={reply.id}
              type="button"
              data-testid="quick-reply-option"
              onClick={() => pick(reply)}
              style={{
                display: 'block',
                width: '100%',
                textAlign: 'left',
                border: 'none',
                borderBottom: '1px solid #f5f5f5',
                background: reply.id === first?.id && keyword !== null ? '#f5f5f5' : 'transparent',
                padding: '6px 4px',
                cursor: 'pointer',
              }}
            >
              <div style={{ display: 'flex', gap: 6, alignItems: 'center' }}>
                <Typography.Text strong ellipsis style={{ flex: 1 }}>
                  {reply.title}
                </Typography.Text>
                <Tag color={reply.scope === 'org' ? 'blue' : 'green'} style={{ marginInlineEnd: 0 }}>
                  {t(`scope.${reply.scope}`)}
                </Tag>
              </div>
              <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
                {reply.text}
              </Typography.Text>
            </button>
          ))
        )}
      </div>
      <div style={{ marginTop: 8, textAlign: 'right' }}>
        <Link to="/quick-replies">{t('picker.manage')}</Link>
      </div>
    </div>
  );

  return (
    <Popover open={open} onOpenChange={onOpenChange} content={content} trigger="click" placement="topLeft">
      <Tooltip title={t('picker.open')}>
        <Button type="text" size="small" icon={<SnippetsOutlined />} aria-label={t('picker.open')} />
      </Tooltip>
    </Popover>
  );
}
