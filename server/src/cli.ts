#!/usr/bin/env node
/** The `concord` command line: `npm run concord -- <command> [options]`. */
import { runCli } from './app/cli/run-cli.js';

runCli(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
