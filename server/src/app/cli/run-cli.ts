/** Parses the command line and dispatches to one command; returns the exit code. */
import { DomainError } from '../../platform/errors.js';
import { type Config, loadConfig } from '../config.js';
import { createRuntime } from '../runtime.js';
import { serve } from '../serve.js';
import { archiveCommand } from './archive.js';
import { backupCommand } from './backup.js';
import { createOrgCommand } from './create-org.js';
import { demoCommand } from './demo.js';
import { type CliIo, quietLog, stdio } from './io.js';

const USAGE = `usage: concord <command> [options]

commands:
  serve                                   run the server (same as npm start)
  migrate                                 apply pending database migrations
  create-org --name N --owner-email E --owner-password P [--owner-name NAME]
                                          create an org and its owner; prints {"orgId":…}
  backup --out FILE                       online copy of the SQLite database (PostgreSQL: use pg_dump)
  demo                                    create the demo org 星河零售 and print its admin's sign-in
  archive verify [--org ID]               check the compliance archive; exits 1 naming the first bad record
  archive prove <record-id>               print an inclusion proof of one record against a signed checkpoint
  archive checkpoint [--org ID]           sign a checkpoint of the archive now
  archive keygen                          print a new signing key and content key for the configuration
`;

type Command = (args: string[], io: CliIo, config: Config) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  serve: async (_args, _io, config) => {
    await serve(config);
    // The server runs until a signal stops the process.
    return new Promise<number>(() => {});
  },
  migrate: async (_args, io, config) => {
    const runtime = await createRuntime({ config, log: quietLog() });
    await runtime.close();
    io.out(JSON.stringify({ migrated: true, store: runtime.ctx.dialect }));
    return 0;
  },
  'create-org': createOrgCommand,
  backup: backupCommand,
  demo: demoCommand,
  archive: archiveCommand,
};

const isParseError = (err: unknown): err is Error & { code: string } =>
  err instanceof TypeError && String((err as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS');

export async function runCli(argv: string[], io: CliIo = stdio, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    io.err(name && name !== 'help' && name !== '--help' ? `unknown command ${name}\n\n${USAGE}` : USAGE);
    return name && name !== 'help' && name !== '--help' ? 2 : 0;
  }
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (err) {
    io.err(`configuration: ${err instanceof Error ? err.message : String(err)}`);
    return 2;
  }
  try {
    return await command(rest, io, config);
  } catch (err) {
    if (err instanceof DomainError) {
      io.err(`${err.code}: ${err.message}`);
      return 1;
    }
    if (isParseError(err)) {
      io.err(`${err.message}\n\n${USAGE}`);
      return 2;
    }
    throw err;
  }
}
