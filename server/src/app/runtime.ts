/** Opens the store, runs migrations and assembles the context every feature receives. */
import { hostname } from 'node:os';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import { createInProcessBus, type DomainEvent, type EventBus } from '../platform/bus.js';
import { createRedisBus } from '../platform/bus-redis.js';
import { type Clock, offsetFileClock, systemClock } from '../platform/clock.js';
import { openStore, type Store } from '../platform/db/connect.js';
import { migrateToLatest } from '../platform/db/migrate.js';
import { type IdGenerator, uuidV7Ids } from '../platform/ids.js';
import { JobWorker } from '../platform/jobs/worker.js';
import { loggerOptions } from '../platform/log.js';
import { createMailer } from '../platform/mail/mailer.js';
import type { Config } from './config.js';
import type { Ctx } from './context.js';
import { registerEventHandlers } from './event-handlers.js';
import { registerJobHandlers } from './jobs.js';

export type Runtime = { ctx: Ctx; worker: JobWorker; close(): Promise<void> };

export type RuntimeOptions = {
  config: Config;
  clock?: Clock;
  ids?: IdGenerator;
  log?: Logger;
  /** An already-open store (tests); otherwise one is opened from the config. */
  store?: Store;
};

/** The SQLite file used when DATABASE_URL is not set. */
export const sqlitePathFor = (config: Config): string => join(config.dataDir, 'concord.db');

export async function createRuntime(options: RuntimeOptions): Promise<Runtime> {
  const { config } = options;
  const log = options.log ?? pino(loggerOptions(config.logLevel));
  const store = options.store ?? openStore({ databaseUrl: config.databaseUrl, sqlitePath: sqlitePathFor(config) });
  await migrateToLatest(store.db, store.dialect);
  const onError = (err: unknown, event: DomainEvent | null) =>
    log.error({ err, event: event?.type }, event ? 'event handler failed' : 'event bus error');
  // With Redis every node receives every event (realtime fan-out across nodes); otherwise in-process.
  const bus: EventBus = config.redisUrl
    ? await createRedisBus({ url: config.redisUrl, prefix: config.redisPrefix, onError })
    : createInProcessBus(onError);
  const ctx: Ctx = {
    db: store.db,
    dialect: store.dialect,
    store,
    clock: options.clock ?? (config.clockOffsetFile ? offsetFileClock(config.clockOffsetFile) : systemClock),
    ids: options.ids ?? uuidV7Ids,
    bus,
    config,
    log,
    mail: createMailer(config.mail),
  };
  if (config.clockOffsetFile) log.warn({ file: config.clockOffsetFile }, 'clock: test offset file in use');
  const worker = new JobWorker({
    db: store.db,
    dialect: store.dialect,
    clock: ctx.clock,
    ids: ctx.ids,
    log,
    workerId: `${hostname()}:${process.pid}:${ctx.ids.next().slice(-8)}`,
    leaseSeconds: config.jobs.leaseSeconds,
    pollMs: config.jobs.pollMs,
  });
  registerJobHandlers(ctx, worker);
  registerEventHandlers(ctx);
  return {
    ctx,
    worker,
    async close() {
      await worker.stop();
      await bus.close();
      ctx.mail.close();
      await store.close();
    },
  };
}
