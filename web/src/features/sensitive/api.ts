/** Lexicons, rules, "test this text" (archive.manage) and the alert inbox (archive.view). */
import type { SensitiveAlertNotice } from '@concord/protocol';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client';
import type { paths } from '../../lib/api/schema.gen';
import { alertsPollInterval } from './alert-feed';
import { useAlertsLive } from './use-alerts-live';

export const keys = {
  lexicons: ['sensitive', 'lexicons'] as const,
  lexicon: (id: string) => ['sensitive', 'lexicons', id] as const,
  rules: ['sensitive', 'rules'] as const,
  alerts: ['sensitive', 'alerts'] as const,
};

type Json<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

export type LexiconBody = Json<'/api/v1/compliance/lexicons', 'post'>;
export type RuleBody = Json<'/api/v1/compliance/rules', 'post'>;
export type AlertQuery = NonNullable<paths['/api/v1/compliance/alerts']['get']['parameters']['query']>;
export type ReviewBody = Json<'/api/v1/compliance/alerts/{id}', 'patch'>;

export const useLexicons = () =>
  useQuery({ queryKey: keys.lexicons, queryFn: () => unwrap(api.GET('/api/v1/compliance/lexicons')) });

export const useLexicon = (id: string | null) =>
  useQuery({
    queryKey: keys.lexicon(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/compliance/lexicons/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: id !== null,
  });

export type LexiconSummary = NonNullable<ReturnType<typeof useLexicons>['data']>['items'][number];

export const useRules = () =>
  useQuery({ queryKey: keys.rules, queryFn: () => unwrap(api.GET('/api/v1/compliance/rules')) });

export type Rule = NonNullable<ReturnType<typeof useRules>['data']>['items'][number];

/** Creates (id null) or changes a lexicon. */
export function useSaveLexicon() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: LexiconBody }) =>
      id
        ? unwrap(api.PATCH('/api/v1/compliance/lexicons/{id}', { params: { path: { id } }, body }))
        : unwrap(api.POST('/api/v1/compliance/lexicons', { body })),
    onSuccess: (saved) => {
      queryClient.setQueryData(keys.lexicon(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: keys.lexicons, exact: true });
    },
  });
}

export function useDeleteLexicon() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/compliance/lexicons/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.lexicons }),
  });
}

/** Creates (id null) or changes a rule. */
export function useSaveRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: RuleBody }) =>
      id
        ? unwrap(api.PATCH('/api/v1/compliance/rules/{id}', { params: { path: { id } }, body }))
        : unwrap(api.POST('/api/v1/compliance/rules', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.rules }),
  });
}

export function useDeleteRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/compliance/rules/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.rules }),
  });
}

export const useTestText = () =>
  useMutation({
    mutationFn: (text: string) => unwrap(api.POST('/api/v1/compliance/rules/test', { body: { text } })),
  });

export type TestResult = NonNullable<ReturnType<typeof useTestText>['data']>;

// The alert views are refreshed by the live feed (live-alerts.tsx); they poll only while it is down.
export const useAlerts = (query: AlertQuery) =>
  useQuery({
    queryKey: [...keys.alerts, 'page', query],
    queryFn: () => unwrap(api.GET('/api/v1/compliance/alerts', { params: { query } })),
    placeholderData: keepPreviousData,
    refetchInterval: alertsPollInterval(useAlertsLive()),
  });

export type Alert = NonNullable<ReturnType<typeof useAlerts>['data']>['items'][number];

export const useAlertStats = (range: { from?: string; to?: string }) =>
  useQuery({
    queryKey: [...keys.alerts, 'stats', range],
    queryFn: () => unwrap(api.GET('/api/v1/compliance/alerts/stats', { params: { query: range } })),
    refetchInterval: alertsPollInterval(useAlertsLive()),
  });

/** Alerts waiting for review counted on the nav badge; a full page reads as "99+". */
const BADGE_PAGE = 100;

export const useNewAlertCount = (enabled: boolean): number =>
  useQuery({
    queryKey: [...keys.alerts, 'new-count'],
    queryFn: () =>
      unwrap(api.GET('/api/v1/compliance/alerts', { params: { query: { status: 'new', limit: BADGE_PAGE } } })),
    enabled,
    refetchInterval: alertsPollInterval(useAlertsLive()),
    select: (page) => page.items.length,
  }).data ?? 0;

/** The alert behind a live notice, with its text, or null when it is no longer within reach. */
export async function fetchAlertDetail(notice: SensitiveAlertNotice): Promise<Alert | null> {
  const page = await unwrap(
    api.GET('/api/v1/compliance/alerts', {
      params: { query: { memberId: notice.senderId, ruleId: notice.ruleId, limit: 10 } },
    }),
  );
  return page.items.find((a) => a.id === notice.id) ?? null;
}

export function useReviewAlert() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ReviewBody }) =>
      unwrap(api.PATCH('/api/v1/compliance/alerts/{id}', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.alerts }),
  });
}
