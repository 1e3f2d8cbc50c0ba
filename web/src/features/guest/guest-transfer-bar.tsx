/**
 * In a customer's chat, while a transfer to another member waits for their answer: who will
 * serve them, and a "decline" that keeps them with the member serving them now (24 hours).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { GuestApi } from './guest-api';
import { guestErrorText } from './guest-error';

export function GuestTransferBar({ api, conversationId }: { api: GuestApi; conversationId: string }) {
  const { t, i18n } = useTranslation('guest');
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const key = ['guest', 'transfers', conversationId];
  const waiting = useQuery({ queryKey: key, queryFn: () => api.transfers(), retry: false, refetchInterval: 60_000 });
  const decline = useMutation({
    mutationFn: (id: string) => api.declineTransfer(id),
    onSuccess: (next, id) => {
      const from = waiting.data?.items.find((item) => item.id === id)?.from.name ?? '';
      queryClient.setQueryData(key, next);
      message.success(t('transfer.declined', { from }));
    },
    onError: (error) => message.error(guestErrorText(t, error)),
  });
  const until = (iso: string) =>
    new Date(iso).toLocaleString(i18n.language, {
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    });
  return (
    <>
      {(waiting.data?.items ?? []).map((item) => (
        <Alert
          key={item.id}
          banner
          type="info"
          data-testid="guest-transfer"
          message={t('transfer.notice', { from: item.from.name, to: item.to.name, until: until(item.decideBy) })}
          action={
            <Button
              size="small"
              danger
              loading={decline.isPending && decline.variables === item.id}
              onClick={() =>
                modal.confirm({
                  title: t('transfer.decline'),
                  content: t('transfer.declineConfirm', { from: item.from.name }),
                  onOk: () => decline.mutateAsync(item.id),
                })
              }
            >
              {t('transfer.decline')}
            </Button>
          }
        />
      ))}
    </>
  );
}
