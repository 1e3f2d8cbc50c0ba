/** The customer's 动态 tab: posts addressed to them, newest first, with like and comment. */
import { HeartFilled, HeartOutlined, LinkOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Flex, Image, Input, Popconfirm, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuestApi, GuestPost } from './guest-api';
import { guestErrorText } from './guest-error';

const feedKey = ['guest', 'posts'] as const;

function PostImage({ api, id }: { api: GuestApi; id: string }) {
  const blob = useQuery({
    queryKey: ['guest', 'post-image', id],
    queryFn: () => api.postImage(id),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const url = useMemo(() => (blob.data ? URL.createObjectURL(blob.data) : null), [blob.data]);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  if (!url) return <div style={{ width: 96, height: 96, background: '#f0f0f0', borderRadius: 6 }} />;
  return <Image src={url} width={96} height={96} style={{ objectFit: 'cover', borderRadius: 6 }} alt="" />;
}

function PostItem({ api, post, onChanged }: { api: GuestApi; post: GuestPost; onChanged: (next: GuestPost) => void }) {
  const { t, i18n } = useTranslation('guest');
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const act = async (run: () => Promise<GuestPost>, after?: () => void) => {
    setBusy(true);
    try {
      onChanged(await run());
      setError(null);
      after?.();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const names = new Map(post.comments.map((c) => [c.id, c.author.name]));
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid={`guest-post-${post.id}`}>
      <Flex justify="space-between">
        <Typography.Text strong>
          {post.from.kind === 'org' ? `${post.from.name} · ${t('posts.org')}` : post.from.name}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {new Date(post.publishedAt).toLocaleString(i18n.language)}
        </Typography.Text>
      </Flex>
      {post.text ? (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '8px 0' }}>{post.text}</Typography.Paragraph>
      ) : null}
      {post.imageIds.length > 0 ? (
        <Image.PreviewGroup>
          <Flex gap={6} wrap style={{ marginBottom: 8 }}>
            {post.imageIds.map((id) => (
              <PostImage key={id} api={api} id={id} />
            ))}
          </Flex>
        </Image.PreviewGroup>
      ) : null}
      {post.link ? (
        <Typography.Link href={post.link.url} target="_blank" rel="noopener noreferrer">
          <LinkOutlined /> {post.link.title ?? post.link.url}
        </Typography.Link>
      ) : null}
      <Flex align="center" gap={8} style={{ marginTop: 8 }}>
        <Button
          size="small"
          type={post.liked ? 'primary' : 'default'}
          icon={post.liked ? <HeartFilled /> : <HeartOutlined />}
          disabled={busy}
          onClick={() => void act(() => api.like(post.id, !post.liked))}
        >
          {post.liked ? t('posts.liked') : t('posts.like')}
        </Button>
        {post.likeCount > 0 ? (
          <Typography.Text type="secondary">{t('posts.likes', { count: post.likeCount })}</Typography.Text>
        ) : null}
      </Flex>
      {post.comments.length > 0 ? (
        <div
          style={{ background: '#f7f7f7', borderRadius: 6, padding: '6px 10px', marginTop: 8 }}
          data-testid="guest-post-comments"
        >
          {post.comments.map((c) => (
            <div key={c.id} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
              <Typography.Text strong>{c.author.name}</Typography.Text>
              {c.replyToId ? (
                <Typography.Text type="secondary">
                  {' '}
                  {t('posts.replyTo', { name: names.get(c.replyToId) ?? '' })}
                </Typography.Text>
              ) : null}
              ：{c.text}
              {c.author.kind === 'customer' ? (
                <Popconfirm
                  title={t('posts.deleteCommentConfirm')}
                  onConfirm={() => act(() => api.deleteComment(post.id, c.id))}
                >
                  <Button type="link" size="small" danger disabled={busy}>
                    {t('posts.deleteComment')}
                  </Button>
                </Popconfirm>
              ) : null}
            </div>
          ))}
        </div>
      ) : null}
      {error ? <Alert type="error" showIcon style={{ marginTop: 8 }} message={guestErrorText(t, error)} /> : null}
      <Space.Compact style={{ width: '100%', marginTop: 8 }}>
        <Input
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          maxLength={500}
          placeholder={t('posts.commentPlaceholder')}
          aria-label={t('posts.comment')}
        />
        <Button
          type="primary"
          disabled={!draft.trim() || busy}
          onClick={() =>
            void act(
              () => api.comment(post.id, draft.trim()),
              () => setDraft(''),
            )
          }
        >
          {t('posts.send')}
        </Button>
      </Space.Compact>
    </Card>
  );
}

export function GuestPosts({ api }: { api: GuestApi }) {
  const { t } = useTranslation('guest');
  const client = useQueryClient();
  const feed = useInfiniteQuery({
    queryKey: feedKey,
    queryFn: ({ pageParam }) => api.posts(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const replace = (next: GuestPost) =>
    client.setQueryData(feedKey, (data: typeof feed.data) =>
      data
        ? {
            ...data,
            pages: data.pages.map((p) => ({ ...p, items: p.items.map((i) => (i.id === next.id ? next : i)) })),
          }
        : data,
    );
  const items = feed.data?.pages.flatMap((p) => p.items) ?? [];
  if (feed.error) return <Alert type="error" showIcon message={guestErrorText(t, feed.error)} />;
  if (!feed.isLoading && items.length === 0) return <Empty description={t('posts.empty')} style={{ marginTop: 48 }} />;
  return (
    <div>
      {items.map((p) => (
        <PostItem key={p.id} api={api} post={p} onChanged={replace} />
      ))}
      {feed.hasNextPage ? (
        <div style={{ textAlign: 'center' }}>
          <Button type="link" loading={feed.isFetchingNextPage} onClick={() => void feed.fetchNextPage()}>
            {t('posts.more')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
