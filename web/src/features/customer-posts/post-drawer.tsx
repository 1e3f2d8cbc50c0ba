/** One post's reactions: who liked it, the comments, replying to a customer's comment, taking one down. */
import { App, Button, Drawer, Empty, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/page-state';
import { usePost, useReplyToComment } from './api';
import { PostCommentItem } from './post-comment-item';
import { postErrorText } from './post-logic';

function Reactions({ id }: { id: string }) {
  const { t } = useTranslation('customerPosts');
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
                renderItem={(c) => (
                  <PostCommentItem
                    postId={id}
                    comment={c}
                    target={data.comments.find((o) => o.id === c.replyToId)}
                    onReply={setTo}
                  />
                )}
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
