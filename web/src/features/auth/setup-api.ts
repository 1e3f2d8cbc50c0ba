/** Calls of the first-run setup routes (open only while the server has no org). */
import { api, unwrap } from '../../lib/api/client';

export type SetupInput = { orgName: string; ownerName: string; email: string; password: string };

export function postSetup(body: SetupInput) {
  return unwrap(api.POST('/api/v1/setup', { body }));
}

export function postDemoSetup() {
  return unwrap(api.POST('/api/v1/setup/demo'));
}

export type SetupResult = Awaited<ReturnType<typeof postSetup>>;
export type DemoResult = Awaited<ReturnType<typeof postDemoSetup>>;
