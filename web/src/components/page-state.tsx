/** Loading, error, empty and forbidden states, the same on every page. */
import { Button, Empty, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../lib/api/api-error';
import { errorText } from '../lib/api/error-text';

export function Loading() {
  const { t } = useTranslation();
  return (
    <div style={{ padding: 48, textAlign: 'center' }} role="status" aria-live="polite">
      <Spin />
      <div style={{ marginTop: 8, color: '#8c8c8c' }}>{t('state.loading')}</div>
    </div>
  );
}

export function Forbidden() {
  const { t } = useTranslation();
  return (
    <Result
      status="403"
      title={t('state.forbiddenTitle')}
      subTitle={t('state.forbiddenText')}
      extra={
        <Link to="/">
          <Button type="primary">{t('state.backHome')}</Button>
        </Link>
      }
    />
  );
}

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={t('state.notFoundTitle')}
      subTitle={t('state.notFoundText')}
      extra={
        <Link to="/">
          <Button type="primary">{t('state.backHome')}</Button>
        </Link>
      }
    />
  );
}

export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.status === 403) return <Forbidden />;
  if (error instanceof ApiError && error.status === 404) return <NotFound />;
  return (
    <Result
      status="error"
      title={t('state.error')}
      subTitle={errorText(t, error)}
      extra={onRetry ? <Button onClick={onRetry}>{t('state.retry')}</Button> : undefined}
    />
  );
}

export function EmptyState({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  return <Empty description={t('state.empty')}>{children}</Empty>;
}

type QueryLike<T> = { data: T | undefined; error: unknown; isLoading: boolean; refetch: () => unknown };

/** Renders loading / error for a query, and the children once data is there. */
export function QueryState<T>({ query, children }: { query: QueryLike<T>; children: (data: T) => ReactNode }) {
  if (query.isLoading) return <Loading />;
  if (query.error) return <LoadError error={query.error} onRetry={() => query.refetch()} />;
  if (query.data === undefined) return <Loading />;
  return <>{children(query.data)}</>;
}
