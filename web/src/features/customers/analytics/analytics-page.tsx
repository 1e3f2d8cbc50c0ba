/**
 * 客户分析: the funnel, new and lost customers over time, follow-ups per member and
 * department and first-response times, over the customers in the member's data scope, with filters kept in the URL.
 */
import { Alert, Card, Typography } from 'antd';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { RequirePermission } from '../../../components/require-permission';
import type { AnalyticsFilter, Interval } from './analytics-api';
import { AnalyticsFilters } from './analytics-filters';
import { FollowUpsCard } from './follow-ups-card';
import { FunnelCard } from './funnel-card';
import { ResponseTimeCard } from './response-time-card';
import { TrendCard } from './trend-card';

const FILTER_KEYS = ['from', 'to', 'ownerId', 'departmentId', 'interval'] as const;
const INTERVALS: readonly string[] = ['day', 'week', 'month'];

function filterFromParams(params: URLSearchParams): AnalyticsFilter {
  const filter: AnalyticsFilter = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (!value) continue;
    if (key === 'interval') {
      if (INTERVALS.includes(value)) filter.interval = value as Interval;
    } else filter[key] = value;
  }
  return filter;
}

export function AnalyticsPage() {
  return (
    <RequirePermission permission="customer.serve">
      <AnalyticsView />
    </RequirePermission>
  );
}

function AnalyticsView() {
  const { t } = useTranslation('customerAnalytics');
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => filterFromParams(params), [params]);
  const setFilter = useCallback(
    (next: AnalyticsFilter) => {
      const entries = Object.entries(next).filter((e): e is [string, string] => Boolean(e[1]));
      setParams(new URLSearchParams(entries), { replace: true });
    },
    [setParams],
  );
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <Card size="small">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('title')}
        </Typography.Title>
        <AnalyticsFilters filter={filter} onChange={setFilter} />
        <Alert type="info" showIcon title={t('scopeNote')} style={{ marginTop: 12 }} />
      </Card>
      <FunnelCard filter={filter} />
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(420px, 1fr))', gap: 12 }}>
        <TrendCard filter={filter} />
        <FollowUpsCard filter={filter} />
      </div>
      <ResponseTimeCard filter={filter} />
    </div>
  );
}
