/**
 * 客户朋友圈: posts to customers picked by tags. Everyone who serves customers writes and sees
 * their own; reviewers see every post, a queue of those waiting, and the "needs review" switch.
 */
import { Button, Card, Flex, Switch, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { can, useMe } from '../../app/auth/use-me';
import { EmptyState, QueryState } from '../../components/page-state';
import { RequirePermission } from '../../components/require-permission';
import { type PostStatus, usePostSettings, usePosts, useSetReviewRequired } from './api';
import { PostCard } from './post-card';
import { PostComposer } from './post-composer';
import { PostDrawer } from './post-drawer';
import { useLiveComments } from './use-live-comments';

export function CustomerPostsPage() {
  return (
    <RequirePermission permission="customer.serve">
      <CustomerPostsView />
    </RequirePermission>
  );
}

function PostList({ status, empty, onOpen }: { status?: PostStatus; empty: string; onOpen: (id: string) => void }) {
  const posts = usePosts(status);
  return (
    <QueryState query={posts}>
      {(data) =>
        data.items.length === 0 ? (
          <EmptyState>{empty}</EmptyState>
        ) : (
          <div>
            {data.items.map((p) => (
              <PostCard key={p.id} post={p} onOpen={() => onOpen(p.id)} />
            ))}
          </div>
        )
      }
    </QueryState>
  );
}

function CustomerPostsView() {
  const { t } = useTranslation('customerPosts');
  const me = useMe().data;
  const reviewer = can(me, 'customer_post.review');
  const settings = usePostSettings();
  const setReview = useSetReviewRequired();
  const [composing, setComposing] = useState(false);
  const [params, setParams] = useSearchParams();
  const open = params.get('post');
  const setOpen = (id: string | null) => setParams(id ? { post: id } : {});
  useLiveComments();

  return (
    <Card
      title={t('title')}
      extra={
        <Button type="primary" onClick={() => setComposing(true)}>
          {t('compose')}
        </Button>
      }
    >
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('intro')}</Typography.Text>
        {settings.data ? (
          <span title={t('reviewRequiredHelp')}>
            <Switch
              size="small"
              checked={settings.data.reviewRequired}
              disabled={!settings.data.canChange}
              loading={setReview.isPending}
              onChange={(on) => setReview.mutate(on)}
              aria-label={t('reviewRequired')}
            />{' '}
            <Typography.Text>{t('reviewRequired')}</Typography.Text>
          </span>
        ) : null}
      </Flex>
      <Tabs
        items={[
          { key: 'all', label: t('tabs.all'), children: <PostList empty={t('empty')} onOpen={setOpen} /> },
          ...(reviewer
            ? [
                {
                  key: 'review',
                  label: t('tabs.review'),
                  children: <PostList status="pending_review" empty={t('emptyReview')} onOpen={setOpen} />,
                },
              ]
            : []),
        ]}
      />
      <PostComposer
        open={composing}
        canPostAsOrg={can(me, 'customer_post.publish_org')}
        onClose={() => setComposing(false)}
      />
      <PostDrawer id={open} onClose={() => setOpen(null)} />
    </Card>
  );
}
