/** `concord create-org`: an org and its owner, for the first sign-in on a fresh server. */
import { parseArgs } from 'node:util';
import { createOrg } from '../../features/org/commands/create-org.js';
import type { Config } from '../config.js';
import { createRuntime } from '../runtime.js';
import type { CliIo } from './io.js';
import { quietLog } from './io.js';

export async function createOrgCommand(args: string[], io: CliIo, config: Config): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      name: { type: 'string' },
      'owner-email': { type: 'string' },
      'owner-password': { type: 'string' },
      'owner-name': { type: 'string' },
    },
    strict: true,
  });
  if (!values.name || !values['owner-email'] || !values['owner-password']) {
    io.err('create-org needs --name, --owner-email and --owner-password');
    return 2;
  }
  const runtime = await createRuntime({ config, log: quietLog() });
  try {
    const created = await createOrg(runtime.ctx, {
      name: values.name,
      ownerEmail: values['owner-email'],
      ownerPassword: values['owner-password'],
      ownerName: values['owner-name'],
    });
    io.out(JSON.stringify({ orgId: created.orgId, ownerId: created.ownerId }));
    return 0;
  } finally {
    await runtime.close();
  }
}
