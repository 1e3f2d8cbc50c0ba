/**
 * `concord demo`: seeds the demo org 星河零售 (see features/setup/demo-seed.ts) and prints the
 * admin's sign-in. Every demo member shares one random password, printed once; a second run
 * refuses and says why.
 */
import { DEMO_ADMIN_LOGIN, DEMO_ORG_NAME, demoEmail, findDemoClash, seedDemoOrg } from '../../features/setup/index.js';
import type { Config } from '../config.js';
import { createRuntime } from '../runtime.js';
import type { CliIo } from './io.js';
import { quietLog } from './io.js';

export async function demoCommand(_args: string[], io: CliIo, config: Config): Promise<number> {
  const runtime = await createRuntime({ config, log: quietLog() });
  try {
    const { ctx } = runtime;
    const clash = await findDemoClash(ctx);
    if (clash?.kind === 'exists') {
      io.err(
        `The demo org ${DEMO_ORG_NAME} already exists (orgId ${clash.orgId}). Sign in as ` +
          `${demoEmail(DEMO_ADMIN_LOGIN)} with the password printed when it was created.`,
      );
      return 1;
    }
    if (clash?.kind === 'mobile') {
      io.err(`Cannot seed the demo: mobile ${clash.mobile} already belongs to a member on this server.`);
      return 1;
    }
    const result = await seedDemoOrg(ctx);
    io.out(
      JSON.stringify({
        ...result,
        note: 'Every demo member signs in with their email and this same password.',
      }),
    );
    return 0;
  } finally {
    await runtime.close();
  }
}
