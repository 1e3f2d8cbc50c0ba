/** Where CLI commands write: one JSON line of result on `out`, human messages on `err`. */
import pino, { type Logger } from 'pino';

export type CliIo = { out(line: string): void; err(line: string): void };

export const stdio: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** Commands other than `serve` keep the log quiet so their stdout stays machine-readable. */
export const quietLog = (): Logger => pino({ level: 'silent' });
