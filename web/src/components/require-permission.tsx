/** Shows the page only to members holding the permission; others see the 403 state. */
import type { ReactNode } from 'react';
import { can, useMe } from '../app/auth/use-me';
import { Forbidden, Loading } from './page-state';

export function RequirePermission({ permission, children }: { permission: string; children: ReactNode }) {
  const me = useMe();
  if (me.isLoading || !me.data) return <Loading />;
  if (!can(me.data, permission)) return <Forbidden />;
  return <>{children}</>;
}
