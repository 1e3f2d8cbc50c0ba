/**
 * Keeps the posts page current while customers comment: the author is notified of each customer
 * comment over the console's socket, and that notice refreshes the lists and the open post.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useRealtime } from '../messages/realtime-context';
import { postKeys } from './api';

export function useLiveComments(): void {
  const queryClient = useQueryClient();
  const { client } = useRealtime();
  useEffect(() => {
    if (!client) return;
    return client.listen((frame) => {
      if (frame.type !== 'notification' || frame.notification.kind !== 'post_commented') return;
      void queryClient.invalidateQueries({ queryKey: postKeys.all });
    });
  }, [client, queryClient]);
}
