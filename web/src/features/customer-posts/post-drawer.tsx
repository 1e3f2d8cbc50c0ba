/** One post's reactions: who liked it, the comments, and replying to a customer's comment. */
import { App, Button, Drawer, Empty, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/page-state';
import { usePost, useReplyToComment } from './api';
import { postErrorText } from './post-logic';

function Reactions({ id }: { id: string }) {
  const { t, i18n } = useTranslation('customerPosts');
  const { message } = App.useApp();
  const post = usePost(id);
  const reply = useReplyToComment(id);
  const [to, setTo] = useState<{ id: string; name: string } | null>(null);
  const [text, setText] = useState('');
  const send = async () => {
    if (!to || !text.trim()) return;
    try {
      await reply.mutateAsync({ text: text.trim(), replyToId: to.id });
      setText('');
      setTo(null);
    } catch (error) {
      message.error(postErrorText(t, error));
    }
  };
  return (
    <QueryState query={post}>
      {(data) => (
        <>
          {data.text ? (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{data.text}</Typography.Paragraph>
          ) : null}
          <Typography.Title level={5}>{t('drawer.likes')}</Typography.Title>
          {data.likes.length === 0 ? (
            <Typography.Text type="secondary">{t('drawer.noLikes')}</Typography.Text>
          ) : (
            <div data-testid="post-likes">
              <Space wrap>
                {data.likes.map((l) => (
                  <Tag key={l.id}>{l.name}</Tag>
                ))}
              </Space>
            </div>
          )}
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('drawer.comments')}
          </Typography.Title>
          {data.comments.length === 0 ? (
            <Empty description={t('drawer.noComments')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ) : (
            <div data-testid="post-comments">
              <List
                dataSource={data.comments}
                renderItem={(c) => {
                  const target = data.comments.find((o) => o.id === c.replyToId);
                  return (
                    <List.Item
                      actions={
                        c.author.kind === 'customer'
                          ? [
                              <Button
                                key="reply"
                                type="link"
                                size="small"
                                onClick={() => setTo({ id: c.id, name: c.author.name })}
                              >
                                {t('drawer.reply')}
                              </Button>,
                            ]
                          : []
                      }
                    >
                      <List.Item.Meta
                        title={
                          <Space size={6}>
                            <Typography.Text strong>{c.author.name}</Typography.Text>
                            {target ? (
                              <Typography.Text type="secondary">
                                {t('drawer.replyTo', { name: target.author.name })}
                              </Typography.Text>
                            ) : null}
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {new Date(c.createdAt).toLocaleString(i18n.language)}
                            </Typography.Text>
                          </Space>
                        }
                        description={<span style={{ whiteSpace: 'pre-wrap', color: 'inherit' }}>{c.text}</span>}
                      />
                    </List.Item>
                  );
                }}
              />
            </div>
          )}
          {to ? (
            <Space.Compact style={{ width: '100%', marginTop: 12 }}>
              <Input
                value={text}
                onChange={(e) => setText(e.target.value)}
                maxLength={500}
                placeholder={t('drawer.replyTo', { name: to.name })}
                aria-label={t('drawer.replyPlaceholder')}
                onPressEnter={() => void send()}
              />
              <Button type="primary" loading={reply.isPending} disabled={!text.trim()} onClick={() => void send()}>
                {t('drawer.send')}
              </Button>
            </Space.Compact>
          ) : null}
        </>
      )}
    </QueryState>
  );
}

export function PostDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation('customerPosts');
  return (
    <Drawer open={id !== null} onClose={onClose} title={t('title')} size={520} destroyOnHidden>
      {id ? <Reactions id={id} /> : null}
    </Drawer>
  );
}
