/** Quick replies (话术库): query keys, reads, the changes and counting a use. */
import { type QueryClient, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client';
import type { paths } from '../../lib/api/schema.gen';

export type QuickReplyQuery = NonNullable<paths['/api/v1/quick-replies']['get']['parameters']['query']>;
export type QuickReply =
  paths['/api/v1/quick-replies']['get']['responses'][200]['content']['application/json']['items'][number];
export type QuickReplyCategory =
  paths['/api/v1/quick-reply-categories']['get']['responses'][200]['content']['application/json']['items'][number];
export type CreateQuickReplyBody = paths['/api/v1/quick-replies']['post']['requestBody']['content']['application/json'];
export type UpdateQuickReplyBody = NonNullable<
  paths['/api/v1/quick-replies/{id}']['patch']['requestBody']
>['content']['application/json'];
export type ReplyScope = QuickReply['scope'];

export const quickReplyKeys = {
  all: ['quick-replies'] as const,
  list: (query: QuickReplyQuery) => ['quick-replies', 'list', query] as const,
  categories: ['quick-replies', 'categories'] as const,
};

export function useQuickReplies(query: QuickReplyQuery, enabled = true) {
  return useQuery({
    queryKey: quickReplyKeys.list(query),
    queryFn: () => unwrap(api.GET('/api/v1/quick-replies', { params: { query } })),
    enabled,
    placeholderData: (previous) => previous,
  });
}

/** The manager's list, a page at a time. */
export function useQuickReplyPages(query: Omit<QuickReplyQuery, 'cursor' | 'limit'>) {
  return useInfiniteQuery({
    queryKey: [...quickReplyKeys.list(query), 'pages'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/api/v1/quick-replies', { params: { query: { ...query, limit: 100, cursor: pageParam } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
  });
}

export function useReplyCategories(enabled = true) {
  return useQuery({
    queryKey: quickReplyKeys.categories,
    queryFn: () => unwrap(api.GET('/api/v1/quick-reply-categories')).then((r) => r.items),
    enabled,
  });
}

export const invalidateQuickReplies = (client: QueryClient) =>
  client.invalidateQueries({ queryKey: quickReplyKeys.all });

/** Counts one use of an inserted reply; never holds up the message, a failure only leaves the count one short. */
export function countQuickReplyUse(client: QueryClient, id: string): void {
  void quickReplyApi
    .use(id)
    .then(() => invalidateQuickReplies(client))
    .catch(() => undefined);
}

export const quickReplyApi = {
  create: (body: CreateQuickReplyBody) => unwrap(api.POST('/api/v1/quick-replies', { body })),
  update: (id: string, body: UpdateQuickReplyBody) =>
    unwrap(api.PATCH('/api/v1/quick-replies/{id}', { params: { path: { id } }, body })),
  remove: (id: string) => unwrap(api.DELETE('/api/v1/quick-replies/{id}', { params: { path: { id } } })),
  use: (id: string) => unwrap(api.POST('/api/v1/quick-replies/{id}/use', { params: { path: { id } } })),
  createCategory: (body: { name: string; scope: ReplyScope; sortOrder?: number }) =>
    unwrap(api.POST('/api/v1/quick-reply-categories', { body })),
  updateCategory: (id: string, body: { name?: string; sortOrder?: number }) =>
    unwrap(api.PATCH('/api/v1/quick-reply-categories/{id}', { params: { path: { id } }, body })),
  removeCategory: (id: string) =>
    unwrap(api.DELETE('/api/v1/quick-reply-categories/{id}', { params: { path: { id } } })),
};
