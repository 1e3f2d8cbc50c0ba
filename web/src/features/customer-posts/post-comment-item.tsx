/** One comment in a post's drawer: who wrote it and to whom, reply (to a customer) and delete. */
import { App, Button, List, Popconfirm, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type PostDetail, useDeleteComment } from './api';
import { postErrorText } from './post-logic';

type Comment = PostDetail['comments'][number];

type Props = {
  postId: string;
  comment: Comment;
  /** The comment it answers, if any. */
  target: Comment | undefined;
  onReply: (to: { id: string; name: string }) => void;
};

export function PostCommentItem({ postId, comment: c, target, onReply }: Props) {
  const { t, i18n } = useTranslation('customerPosts');
  const { message } = App.useApp();
  const remove = useDeleteComment(postId);
  const actions = [
    ...(c.author.kind === 'customer'
      ? [
          <Button key="reply" type="link" size="small" onClick={() => onReply({ id: c.id, name: c.author.name })}>
            {t('drawer.reply')}
          </Button>,
        ]
      : []),
    <Popconfirm
      key="delete"
      title={t('drawer.deleteCommentConfirm')}
      onConfirm={() =>
        remove.mutateAsync(c.id).then(
          () => message.success(t('drawer.commentDeleted')),
          (error: unknown) => message.error(postErrorText(t, error)),
        )
      }
    >
      <Button type="link" size="small" danger loading={remove.isPending}>
        {t('drawer.deleteComment')}
      </Button>
    </Popconfirm>,
  ];
  return (
    <List.Item actions={actions} data-testid={`post-comment-${c.id}`}>
      <List.Item.Meta
        title={
          <Space size={6}>
            <Typography.Text strong>{c.author.name}</Typography.Text>
            {target ? (
              <Typography.Text type="secondary">{t('drawer.replyTo', { name: target.author.name })}</Typography.Text>
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
}
