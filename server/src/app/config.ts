/** Configuration from the environment; every variable is listed in README.md. */
import { resolve } from 'node:path';

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  /** Prefix of the Redis pub/sub channel; nodes of one deployment share it (CONCORD_REDIS_PREFIX). */
  redisPrefix: string;
  logLevel: string;
  /** Largest JSON body accepted, in bytes. */
  bodyLimitBytes: number;
  /** Largest uploaded file (imports), in bytes. */
  uploadLimitBytes: number;
  /** Largest file or image attached to a message, in bytes (CONCORD_ATTACHMENT_LIMIT). */
  attachmentLimitBytes: number;
  sessionTtlHours: number;
  lockout: {
    accountMaxFailures: number;
    addressMaxFailures: number;
    windowMinutes: number;
  };
  /** argon2id cost; tests lower it, production keeps the library's defaults. */
  passwordHash: { memoryCost: number; timeCost: number };
  jobs: { pollMs: number; leaseSeconds: number };
  /** Outgoing mail (one-time codes for external participants); unset SMTP_URL means no mail. */
  mail: { smtpUrl: string | undefined; from: string };
  /**
   * The compliance archive: the Ed25519 key that signs checkpoints (CONCORD_ARCHIVE_SIGNING_KEY,
   * base64 32-byte seed or PKCS8 PEM), the keyring encrypting archived content at rest
   * (CONCORD_ARCHIVE_KEYS, `id:base64key,…`, first one encrypts), and how often checkpoints are
   * signed (CONCORD_ARCHIVE_CHECKPOINT_MINUTES).
   */
  archive: { signingKey: string | undefined; bodyKeys: string | undefined; checkpointMinutes: number };
  /** The built web console (CONCORD_WEB_DIR); unset means the repository's `web/dist`. */
  webDir: string | undefined;
  /**
   * The CJK font embedded in PDF exports of the archive (CONCORD_PDF_FONT): a TTF/OTF path, or a
   * collection as `path.ttc#PostScriptName`; defaults to Debian's fonts-wqy-microhei.
   */
  pdfFont: string;
  /**
   * Browser journeys only (CONCORD_TEST_CLOCK_OFFSET_FILE): a file holding milliseconds the
   * server's clock runs ahead of the wall clock, re-read as it changes, so a journey can move
   * time forward for reminders and alerts without waiting. Unset in any real deployment.
   */
  clockOffsetFile: string | undefined;
};

/** Debian's fonts-wqy-microhei (installed by .ci/run), its first face. */
export const DEFAULT_PDF_FONT = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc#WenQuanYiMicroHei';

function int(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got "${raw}"`);
  return value;
}

/** Reads the environment once at start; throws with the variable's name on a bad value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: int(env, 'PORT', 8080),
    host: env.HOST || '127.0.0.1',
    dataDir: resolve(env.CONCORD_DATA_DIR || './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    redisUrl: env.REDIS_URL || undefined,
    redisPrefix: env.CONCORD_REDIS_PREFIX || 'concord',
    logLevel: env.LOG_LEVEL || 'info',
    bodyLimitBytes: int(env, 'CONCORD_BODY_LIMIT', 1024 * 1024),
    uploadLimitBytes: int(env, 'CONCORD_UPLOAD_LIMIT', 10 * 1024 * 1024),
    attachmentLimitBytes: int(env, 'CONCORD_ATTACHMENT_LIMIT', 100 * 1024 * 1024),
    sessionTtlHours: int(env, 'CONCORD_SESSION_TTL_HOURS', 24 * 14),
    lockout: {
      accountMaxFailures: int(env, 'CONCORD_LOCKOUT_ACCOUNT_FAILURES', 5),
      addressMaxFailures: int(env, 'CONCORD_LOCKOUT_ADDRESS_FAILURES', 20),
      windowMinutes: int(env, 'CONCORD_LOCKOUT_MINUTES', 15),
    },
    passwordHash: { memoryCost: 19456, timeCost: 2 },
    jobs: { pollMs: 1000, leaseSeconds: 300 },
    mail: { smtpUrl: env.SMTP_URL || undefined, from: env.CONCORD_MAIL_FROM || 'Concord <no-reply@concord.invalid>' },
    archive: {
      signingKey: env.CONCORD_ARCHIVE_SIGNING_KEY || undefined,
      bodyKeys: env.CONCORD_ARCHIVE_KEYS || undefined,
      checkpointMinutes: int(env, 'CONCORD_ARCHIVE_CHECKPOINT_MINUTES', 60),
    },
    webDir: env.CONCORD_WEB_DIR ? resolve(env.CONCORD_WEB_DIR) : undefined,
    pdfFont: env.CONCORD_PDF_FONT || DEFAULT_PDF_FONT,
    clockOffsetFile: env.CONCORD_TEST_CLOCK_OFFSET_FILE ? resolve(env.CONCORD_TEST_CLOCK_OFFSET_FILE) : undefined,
  };
}
