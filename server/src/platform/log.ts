import type { LoggerOptions } from 'pino';

/** Paths pino must never print: credentials, tokens and secrets in requests and objects. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.token',
  '*.totp',
  '*.secret',
  '*.passwordHash',
  '*.tokenHash',
  '*.smtpUrl',
  '*.signingKey',
  '*.bodyKeys',
  'password',
  'token',
];

/** Logger settings shared by the server and the CLI. */
export function loggerOptions(level: string): LoggerOptions {
  return { level, redact: { paths: REDACT_PATHS, censor: '[redacted]' } };
}
