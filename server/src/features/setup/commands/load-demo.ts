/** First-run setup's other choice: seed the demo org 星河零售 and sign in as its admin. */
import type { Ctx } from '../../../app/context.js';
import type { RequestMeta } from '../../../authz/actor.js';
import { type SignInResult, signIn } from '../../identity/commands/sign-in.js';
import { type DemoResult, seedDemoOrg } from '../demo-seed.js';
import { anyOrgExists } from '../queries.js';
import { withSetupLock } from '../setup-lock.js';
import { setupDone } from './set-up-first-org.js';

export type LoadedDemo = { session: SignInResult; admin: DemoResult['admin'] };

export async function loadDemo(ctx: Ctx, meta: RequestMeta): Promise<LoadedDemo> {
  const seeded = await withSetupLock(ctx, async (locked) => {
    if (await anyOrgExists(locked.db)) throw setupDone();
    return seedDemoOrg(locked);
  });
  const session = await signIn(ctx, { login: seeded.admin.login, password: seeded.admin.password }, meta);
  return { session, admin: seeded.admin };
}
