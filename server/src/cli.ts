#!/usr/bin/env node
/** The `concord` command line: `npm run concord -- <command> [options]`. */
import { runCli } from './app/cli/run-cli.js';

runCli(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`concord: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
