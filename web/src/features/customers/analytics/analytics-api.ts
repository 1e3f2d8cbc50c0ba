/**
 * The analytics reports: typed reads for the dashboard and the XLSX download (same routes with
 * `format=xlsx`, in the console's language). Errors become ApiError like everywhere else.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import { saveResponse, sendWithToken } from '../../../lib/api/file-transfer';
import type { paths } from '../../../lib/api/schema.gen';

type Json<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { 'application/json': infer T } } } };
}
  ? T
  : never;

export type Funnel = Json<'/api/v1/analytics/funnel'>;
export type Trend = Json<'/api/v1/analytics/customers-trend'>;
export type FollowUpStats = Json<'/api/v1/analytics/follow-ups'>;
export type ResponseTimeStats = Json<'/api/v1/analytics/response-time'>;
export type Interval = Trend['interval'];

/** What the dashboard's filters hold; each report takes the parts it understands. */
export type AnalyticsFilter = {
  from?: string;
  to?: string;
  ownerId?: string;
  departmentId?: string;
  interval?: Interval;
};

export type ReportName = 'funnel' | 'customers-trend' | 'follow-ups' | 'response-time';

/** The query string of one report for the filter (the funnel's range is the customers' creation). */
export function reportQuery(report: ReportName, filter: AnalyticsFilter): Record<string, string> {
  const { from, to, ownerId, departmentId, interval } = filter;
  const query: Record<string, string | undefined> = { from, to, departmentId };
  if (report === 'follow-ups') query.memberId = ownerId;
  else query.ownerId = ownerId;
  if (report === 'customers-trend') query.interval = interval;
  return Object.fromEntries(Object.entries(query).filter((e): e is [string, string] => Boolean(e[1])));
}

const keys = {
  report: (report: ReportName, filter: AnalyticsFilter) => ['customers', 'analytics', report, filter] as const,
};

// The routes also answer XLSX; with no `format` they answer JSON, which is what these read.
export function useFunnel(filter: AnalyticsFilter) {
  return useQuery({
    queryKey: keys.report('funnel', filter),
    queryFn: async () =>
      (await unwrap(
        api.GET('/api/v1/analytics/funnel', { params: { query: reportQuery('funnel', filter) } }),
      )) as Funnel,
    placeholderData: keepPreviousData,
  });
}

export function useTrend(filter: AnalyticsFilter) {
  return useQuery({
    queryKey: keys.report('customers-trend', filter),
    queryFn: async () =>
      (await unwrap(
        api.GET('/api/v1/analytics/customers-trend', { params: { query: reportQuery('customers-trend', filter) } }),
      )) as Trend,
    placeholderData: keepPreviousData,
  });
}

export function useFollowUpStats(filter: AnalyticsFilter) {
  return useQuery({
    queryKey: keys.report('follow-ups', filter),
    queryFn: async () =>
      (await unwrap(
        api.GET('/api/v1/analytics/follow-ups', { params: { query: reportQuery('follow-ups', filter) } }),
      )) as FollowUpStats,
    placeholderData: keepPreviousData,
  });
}

export function useResponseTime(filter: AnalyticsFilter) {
  return useQuery({
    queryKey: keys.report('response-time', filter),
    queryFn: async () =>
      (await unwrap(
        api.GET('/api/v1/analytics/response-time', { params: { query: reportQuery('response-time', filter) } }),
      )) as ResponseTimeStats,
    placeholderData: keepPreviousData,
  });
}

/** Downloads one report as XLSX; resolves to the file name saved. */
export async function downloadReport(report: ReportName, filter: AnalyticsFilter, lang: string): Promise<string> {
  const search = new URLSearchParams({ ...reportQuery(report, filter), format: 'xlsx', lang });
  return saveResponse(await sendWithToken(`/api/v1/analytics/${report}?${search}`), `${report}.xlsx`);
}
