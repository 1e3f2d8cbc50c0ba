/** One post in the list: who, when, status, text, images, link, the tag filter, counts and the actions allowed. */
import { LinkOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Image, Input, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PostSummary, useApprovePost, useDeletePost, useRejectPost } from './api';
import { PostImage } from './post-image';
import { postErrorText } from './post-logic';

const STATUS_COLOR = { pending_review: 'gold', published: 'green', rejected: 'red', deleted: 'default' } as const;

function TagFilter({ post }: { post: PostSummary }) {
  const { t } = useTranslation('customerPosts');
  const parts = [
    ['tagsAll', post.tags.all],
    ['tagsAny', post.tags.any],
    ['tagsNone', post.tags.none],
  ] as const;
  const shown = parts.filter(([, tags]) => tags.length > 0);
  if (shown.length === 0) return <Tag>{t('allCustomers')}</Tag>;
  return (
    <Space size={4} wrap>
      {shown.map(([key, tags]) => (
        <span key={key}>
          <Typography.Text type="secondary">{t(key)}：</Typography.Text>
          {tags.map((tag) => (
            <Tag key={tag.id}>{tag.name}</Tag>
          ))}
        </span>
      ))}
    </Space>
  );
}

export function PostCard({ post, onOpen }: { post: PostSummary; onOpen: () => void }) {
  const { t, i18n } = useTranslation('customerPosts');
  const { message, modal } = App.useApp();
  const approve = useApprovePost();
  const reject = useRejectPost();
  const remove = useDeletePost();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const run = (pending: Promise<unknown>, done: string) =>
    pending.then(
      () => message.success(done),
      (error: unknown) => message.error(postErrorText(t, error)),
    );
  const when = new Date(post.publishedAt ?? post.createdAt).toLocaleString(i18n.language);

  return (
    <Card size="small" data-testid={`post-${post.id}`} style={{ marginBottom: 12 }}>
      <Flex justify="space-between" align="start" gap={8}>
        <Space size={8} wrap>
          <Typography.Text strong>{post.author.name}</Typography.Text>
          <Tag color={post.kind === 'org' ? 'blue' : undefined}>{t(`kind.${post.kind}`)}</Tag>
          <Tag color={STATUS_COLOR[post.status]}>{t(`status.${post.status}`)}</Tag>
          <Typography.Text type="secondary">{when}</Typography.Text>
        </Space>
        <Space size={4}>
          <Button size="small" onClick={onOpen}>
            {t('detail')}
          </Button>
          {post.canReview ? (
            <>
              <Button size="small" type="primary" onClick={() => run(approve.mutateAsync(post.id), t('approved'))}>
                {t('approve')}
              </Button>
              <Button size="small" danger onClick={() => setRejecting(true)}>
                {t('reject')}
              </Button>
            </>
          ) : null}
          {post.canDelete ? (
            <Button
              size="small"
              type="text"
              danger
              onClick={() =>
                modal.confirm({
                  title: t('deleteConfirm'),
                  onOk: () => run(remove.mutateAsync(post.id), t('deleted')),
                })
              }
            >
              {t('delete')}
            </Button>
          ) : null}
        </Space>
      </Flex>
      {post.text ? (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '8px 0' }}>{post.text}</Typography.Paragraph>
      ) : null}
      {post.imageIds.length > 0 ? (
        <Image.PreviewGroup>
          <Flex gap={6} wrap style={{ marginBottom: 8 }}>
            {post.imageIds.map((id) => (
              <PostImage key={id} id={id} />
            ))}
          </Flex>
        </Image.PreviewGroup>
      ) : null}
      {post.link ? (
        <Typography.Link href={post.link.url} target="_blank" rel="noopener noreferrer">
          <LinkOutlined /> {post.link.title ?? post.link.url}
        </Typography.Link>
      ) : null}
      {post.reviewReason ? (
        <Typography.Paragraph type="danger" style={{ margin: '8px 0 0' }}>
          {t('rejectedBecause', { reason: post.reviewReason })}
        </Typography.Paragraph>
      ) : null}
      <Flex justify="space-between" wrap gap={8} style={{ marginTop: 8 }}>
        <TagFilter post={post} />
        <Space size={12}>
          <Typography.Text type="secondary">{t('audience', { count: post.audienceCount })}</Typography.Text>
          <Typography.Text type="secondary">{t('likes', { count: post.likeCount })}</Typography.Text>
          <Typography.Text type="secondary">{t('comments', { count: post.commentCount })}</Typography.Text>
        </Space>
      </Flex>
      <Modal
        open={rejecting}
        title={t('reject')}
        onCancel={() => setRejecting(false)}
        okButtonProps={{ danger: true, disabled: !reason.trim() }}
        okText={t('reject')}
        onOk={() =>
          run(reject.mutateAsync({ id: post.id, reason: reason.trim() }), t('rejected')).then(() => setRejecting(false))
        }
      >
        <Input.TextArea
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={200}
          placeholder={t('rejectReasonRequired')}
          aria-label={t('rejectReason')}
        />
      </Modal>
    </Card>
  );
}
