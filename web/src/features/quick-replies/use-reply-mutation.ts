/** Every quick-reply change runs one way: request, refresh the lists, report success or the refusal. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { invalidateQuickReplies } from './api';
import { replyErrorText } from './reply-logic';

export function useReplyMutation<T>(run: (input: T) => Promise<unknown>, success?: string) {
  const { t } = useTranslation('quickReplies');
  const { message } = App.useApp();
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async () => {
      await invalidateQuickReplies(client);
      message.success(success ?? t('saved'));
    },
    onError: (error) => {
      message.error(replyErrorText(t, error));
    },
  });
}
