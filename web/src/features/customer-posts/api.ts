/** Posts to customers (客户朋友圈): list, one post, writing, review, replies, settings and images. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { api, unwrap } from '../../lib/api/client';
import { sendWithToken } from '../../lib/api/file-transfer';

export type PostStatus = 'pending_review' | 'published' | 'rejected' | 'deleted';

export const postKeys = {
  all: ['customer-posts'] as const,
  list: (status: PostStatus | undefined) => ['customer-posts', 'list', status ?? 'all'] as const,
  detail: (id: string) => ['customer-posts', 'detail', id] as const,
  settings: ['customer-posts', 'settings'] as const,
  image: (id: string) => ['customer-posts', 'image', id] as const,
};

const fetchPosts = (status?: PostStatus) =>
  unwrap(api.GET('/api/v1/customer-posts', { params: { query: { status, limit: 50 } } }));
const fetchPost = (id: string) => unwrap(api.GET('/api/v1/customer-posts/{id}', { params: { path: { id } } }));

export type PostSummary = Awaited<ReturnType<typeof fetchPosts>>['items'][number];
export type PostDetail = Awaited<ReturnType<typeof fetchPost>>;
export type NewPost = {
  kind: 'member' | 'org';
  text: string;
  imageIds?: string[];
  link?: { url: string; title?: string };
  tagsAll?: string[];
  tagsAny?: string[];
  tagsNone?: string[];
};

export const usePosts = (status?: PostStatus) =>
  useQuery({ queryKey: postKeys.list(status), queryFn: () => fetchPosts(status) });
export const usePost = (id: string) => useQuery({ queryKey: postKeys.detail(id), queryFn: () => fetchPost(id) });
export const usePostSettings = () =>
  useQuery({ queryKey: postKeys.settings, queryFn: () => unwrap(api.GET('/api/v1/customer-posts/settings')) });

/** Runs a change, then refreshes every post query. */
function usePostChange<T, R>(run: (input: T) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => client.invalidateQueries({ queryKey: postKeys.all }) });
}

export const useCreatePost = () =>
  usePostChange((body: NewPost) => unwrap(api.POST('/api/v1/customer-posts', { body })));
export const useApprovePost = () =>
  usePostChange((id: string) => unwrap(api.POST('/api/v1/customer-posts/{id}/approve', { params: { path: { id } } })));
export const useRejectPost = () =>
  usePostChange(({ id, reason }: { id: string; reason: string }) =>
    unwrap(api.POST('/api/v1/customer-posts/{id}/reject', { params: { path: { id } }, body: { reason } })),
  );
export const useDeletePost = () =>
  usePostChange((id: string) => unwrap(api.DELETE('/api/v1/customer-posts/{id}', { params: { path: { id } } })));
export const useReplyToComment = (id: string) =>
  usePostChange((body: { text: string; replyToId: string }) =>
    unwrap(api.POST('/api/v1/customer-posts/{id}/comments', { params: { path: { id } }, body })),
  );
export const useDeleteComment = (id: string) =>
  usePostChange((commentId: string) =>
    unwrap(api.DELETE('/api/v1/customer-posts/{id}/comments/{commentId}', { params: { path: { id, commentId } } })),
  );
export const useSetReviewRequired = () =>
  usePostChange((reviewRequired: boolean) =>
    unwrap(api.PUT('/api/v1/customer-posts/settings', { body: { reviewRequired } })),
  );

/** Uploads one image for a post; resolves to its id. */
export async function uploadPostImage(file: File): Promise<{ id: string; name: string }> {
  const form = new FormData();
  form.append('file', file);
  const response = await sendWithToken('/api/v1/customer-posts/images', { method: 'POST', body: form });
  return (await response.json()) as { id: string; name: string };
}

/** A post image as an object URL (the GET needs the session's bearer header). */
export function usePostImageUrl(id: string): string | null {
  const blob = useQuery({
    queryKey: postKeys.image(id),
    queryFn: async () => (await sendWithToken(`/api/v1/customer-posts/images/${id}`)).blob(),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const url = useMemo(() => (blob.data ? URL.createObjectURL(blob.data) : null), [blob.data]);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  return url;
}
