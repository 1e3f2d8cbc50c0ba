/** Tag settings requests and the one way they run: request, refresh the customer data, report. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../lib/api/client';
import { errorText } from '../../../lib/api/error-text';
import { invalidateCustomers } from '../api';

/** Shared by the tag settings: run a tag-group request, refresh, and report. */
export function useTagMutation<T>(run: (input: T) => Promise<unknown>, success?: string) {
  const { t } = useTranslation('customers');
  const { message } = App.useApp();
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async () => {
      await invalidateCustomers(client);
      message.success(success ?? t('tags.saved'));
    },
    onError: (err) => {
      message.error(errorText(t, err));
    },
  });
}

export const tagApi = {
  rename: (input: { id: string; name: string }) =>
    unwrap(api.PATCH('/api/v1/tag-groups/{id}', { params: { path: { id: input.id } }, body: { name: input.name } })),
  remove: (id: string) => unwrap(api.DELETE('/api/v1/tag-groups/{id}', { params: { path: { id } } })),
  addTag: (input: { id: string; name: string }) =>
    unwrap(
      api.POST('/api/v1/tag-groups/{id}/tags', { params: { path: { id: input.id } }, body: { name: input.name } }),
    ),
  removeTag: (input: { id: string; tagId: string }) =>
    unwrap(api.DELETE('/api/v1/tag-groups/{id}/tags/{tagId}', { params: { path: input } })),
};
