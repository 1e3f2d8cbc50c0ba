/** Parses the command line and dispatches to one command; returns the exit code. */
import { parseArgs } from 'node:util';
import pino from 'pino';
import { createOrg } from '../../features/org/commands/create-org.js';
import { DomainError } from '../../platform/errors.js';
import { loadConfig } from '../config.js';
import { createRuntime } from '../runtime.js';
import { serve } from '../serve.js';

const USAGE = `usage: concord <command> [options]

commands:
  serve                                   run the server (same as npm start)
  migrate                                 apply pending database migrations
  create-org --name N --owner-email E --owner-password P [--owner-name NAME]
                                          create an org and its owner; prints {"orgId":…}
`;

type Output = { out(line: string): void; err(line: string): void };
const stdio: Output = { out: (l) => process.stdout.write(`${l}\n`), err: (l) => process.stderr.write(`${l}\n`) };

export async function runCli(
  argv: string[],
  io: Output = stdio,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const [command, ...rest] = argv;
  const config = loadConfig(env);
  const quiet = pino({ level: 'silent' });
  switch (command) {
    case 'serve':
      await serve(config);
      return new Promise<number>(() => {});
    case 'migrate': {
      const runtime = await createRuntime({ config, log: quiet });
      await runtime.close();
      io.out(JSON.stringify({ migrated: true, store: runtime.ctx.dialect }));
      return 0;
    }
    case 'create-org': {
      const { values } = parseArgs({
        args: rest,
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
      const runtime = await createRuntime({ config, log: quiet });
      try {
        const created = await createOrg(runtime.ctx, {
          name: values.name,
          ownerEmail: values['owner-email'],
          ownerPassword: values['owner-password'],
          ownerName: values['owner-name'],
        });
        io.out(JSON.stringify({ orgId: created.orgId, ownerId: created.ownerId }));
        return 0;
      } catch (err) {
        if (err instanceof DomainError) {
          io.err(`${err.code}: ${err.message}`);
          return 1;
        }
        throw err;
      } finally {
        await runtime.close();
      }
    }
    default:
      io.err(USAGE);
      return command ? 2 : 0;
  }
}
