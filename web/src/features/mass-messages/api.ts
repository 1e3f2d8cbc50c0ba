/** Customer mass messages: lists, one with its recipients, the recipient preview, decisions, rules. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client';
import type { paths } from '../../lib/api/schema.gen';

export type MassBox = 'mine' | 'review' | 'confirm' | 'all';
export type CreateMassBody = paths['/api/v1/mass-messages']['post']['requestBody']['content']['application/json'];
export type TargetFilter = CreateMassBody['filter'];
export type MassSettings =
  paths['/api/v1/mass-messages/settings']['get']['responses'][200]['content']['application/json'];

const fetchList = (box: MassBox) => unwrap(api.GET('/api/v1/mass-messages', { params: { query: { box } } }));
const fetchOne = (id: string) => unwrap(api.GET('/api/v1/mass-messages/{id}', { params: { path: { id } } }));

export type MassMessage = Awaited<ReturnType<typeof fetchList>>['items'][number];
export type MassDetail = Awaited<ReturnType<typeof fetchOne>>;
export type Recipient = MassDetail['recipients'][number];

export const massKeys = {
  all: ['mass-messages'] as const,
  list: (box: MassBox) => ['mass-messages', 'list', box] as const,
  one: (id: string) => ['mass-messages', 'one', id] as const,
  preview: (filter: TargetFilter) => ['mass-messages', 'preview', filter] as const,
  settings: ['mass-messages', 'settings'] as const,
};

export const useMassMessages = (box: MassBox, enabled = true) =>
  useQuery({ queryKey: massKeys.list(box), queryFn: () => fetchList(box), enabled });
export const useMassMessage = (id: string) => useQuery({ queryKey: massKeys.one(id), queryFn: () => fetchOne(id) });

/** The recipient count for a filter, kept on screen while the next count loads. */
export const useRecipientPreview = (filter: TargetFilter) =>
  useQuery({
    queryKey: massKeys.preview(filter),
    queryFn: () => unwrap(api.POST('/api/v1/mass-messages/preview', { body: { filter } })),
    placeholderData: keepPreviousData,
    retry: false,
  });

export const useMassSettings = () =>
  useQuery({ queryKey: massKeys.settings, queryFn: () => unwrap(api.GET('/api/v1/mass-messages/settings')) });

/** A change that refreshes every mass-message list and detail afterwards. */
function useMassMutation<T, R>(run: (input: T) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: run, onSettled: () => client.invalidateQueries({ queryKey: massKeys.all }) });
}

export const useCreateMassMessage = () =>
  useMassMutation((body: CreateMassBody) => unwrap(api.POST('/api/v1/mass-messages', { body })));

export const useSaveMassSettings = () =>
  useMassMutation((body: MassSettings) => unwrap(api.PUT('/api/v1/mass-messages/settings', { body })));

export function useMassAction(id: string) {
  const path = { params: { path: { id } } };
  return {
    approve: useMassMutation(() => unwrap(api.POST('/api/v1/mass-messages/{id}/approve', path))),
    reject: useMassMutation((reason: string) =>
      unwrap(api.POST('/api/v1/mass-messages/{id}/reject', { ...path, body: { reason } })),
    ),
    submit: useMassMutation(() => unwrap(api.POST('/api/v1/mass-messages/{id}/submit', path))),
    confirm: useMassMutation(() => unwrap(api.POST('/api/v1/mass-messages/{id}/confirm', path))),
    cancel: useMassMutation(() => unwrap(api.POST('/api/v1/mass-messages/{id}/cancel', path))),
  };
}
