/** Transfer data: types from the API, the transfer list, and readable refusals. */
import { useInfiniteQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { api, unwrap } from '../../../lib/api/client';
import { errorText } from '../../../lib/api/error-text';
import type { paths } from '../../../lib/api/schema.gen';
import { transferRefusal } from '../lib/transfer-refusal';

export type Transfer =
  paths['/api/v1/customer-transfers']['get']['responses'][200]['content']['application/json']['items'][number];
export type TransferBatch =
  paths['/api/v1/customers/transfer']['post']['responses'][200]['content']['application/json'];
export type TransferFilter = Omit<
  NonNullable<paths['/api/v1/customer-transfers']['get']['parameters']['query']>,
  'limit' | 'cursor'
>;
export type TransferStatus = Transfer['status'];

/** Under the customer keys, so any customer change refreshes the transfer list too. */
export const transferKeys = {
  list: (filter: TransferFilter) => ['customers', 'transfers', filter] as const,
};

export function useTransfers(filter: TransferFilter) {
  return useInfiniteQuery({
    queryKey: transferKeys.list(filter),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/api/v1/customer-transfers', { params: { query: { ...filter, limit: 50, cursor: pageParam } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function transferErrorText(t: TFunction, error: unknown): string {
  const refusal = transferRefusal(error);
  return refusal ? t(`transfer.error.${refusal.reason}`, refusal.values) : errorText(t, error);
}
