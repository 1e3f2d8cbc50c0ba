/** The signed-in member's notifications: the newest page with the unread count, and marking read. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client';

export const notificationKeys = { all: ['notifications'] as const };

const fetchNotifications = () => unwrap(api.GET('/api/v1/notifications', { params: { query: { limit: 20 } } }));

export type NotificationPage = Awaited<ReturnType<typeof fetchNotifications>>;

/** Kept current by the realtime feed (notification frames, reconnects); no polling. */
export const useNotifications = () =>
  useQuery({ queryKey: notificationKeys.all, queryFn: fetchNotifications, staleTime: 60_000 });

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { ids: string[] } | { all: true }) => unwrap(api.POST('/api/v1/notifications/read', { body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
