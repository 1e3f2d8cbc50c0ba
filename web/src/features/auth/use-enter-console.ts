/** After sign-in or setup: keep the token, forget the previous member's cached data, go in. */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { setToken } from '../../app/auth/token-store';

export type SignedIn = { token: string; totpSetupRequired: boolean };

export function useEnterConsole() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  /** Keeps the session only (the page stays, e.g. to show the demo password first). */
  const store = useCallback((result: SignedIn) => setToken(result.token), []);
  /** Opens the console, or the two-factor setup when the org requires it first. */
  const go = useCallback(
    (result: SignedIn, target = '/') => {
      queryClient.clear();
      // Whoever has signed in is on a server with an org.
      queryClient.setQueryData(['setup'], { needsSetup: false });
      navigate(result.totpSetupRequired ? '/account?totp=required' : target, { replace: true });
    },
    [queryClient, navigate],
  );
  const enter = useCallback(
    (result: SignedIn, target = '/') => {
      store(result);
      go(result, target);
    },
    [store, go],
  );
  return { store, go, enter };
}
