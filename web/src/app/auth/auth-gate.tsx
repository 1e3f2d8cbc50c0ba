/**
 * Lets signed-in members through. Without a session it sends people to the setup wizard on a
 * server that has no org yet, otherwise to sign-in; a member who must still turn on two-factor
 * sign-in is kept on the account page until they do.
 */
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { Navigate, useLocation } from 'react-router';
import { LoadError, Loading } from '../../components/page-state';
import { api, unwrap } from '../../lib/api/client';
import { getToken, onTokenChange } from './token-store';
import { useMe } from './use-me';

export function useSetupStatus() {
  return useQuery({
    queryKey: ['setup'],
    queryFn: () => unwrap(api.GET('/api/v1/setup')),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

function useToken(): string | null {
  const [token, setTokenState] = useState(getToken);
  useEffect(() => onTokenChange(setTokenState), []);
  return token;
}

export function AuthGate({ children }: { children: ReactNode }) {
  const token = useToken();
  const location = useLocation();
  const me = useMe();
  const setup = useSetupStatus();
  if (!token) {
    if (setup.isLoading) return <Loading />;
    if (setup.data?.needsSetup) return <Navigate to="/setup" replace />;
    const next = location.pathname === '/' ? '' : `?next=${encodeURIComponent(location.pathname + location.search)}`;
    return <Navigate to={`/login${next}`} replace />;
  }
  if (me.isLoading) return <Loading />;
  if (me.error) return <LoadError error={me.error} onRetry={() => me.refetch()} />;
  if (me.data?.totpSetupRequired && location.pathname !== '/account') {
    return <Navigate to="/account?totp=required" replace />;
  }
  return <>{children}</>;
}
