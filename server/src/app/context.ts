/** What every command and query receives: the store and the injected services. */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { EventBus } from '../platform/bus.js';
import type { Clock } from '../platform/clock.js';
import type { Dialect, Store } from '../platform/db/connect.js';
import type { Database } from '../platform/db/schema.js';
import type { IdGenerator } from '../platform/ids.js';
import type { Mailer } from '../platform/mail/mailer.js';
import type { Config } from './config.js';

export type Ctx = {
  db: Kysely<Database>;
  dialect: Dialect;
  store: Store;
  clock: Clock;
  ids: IdGenerator;
  bus: EventBus;
  config: Config;
  log: Logger;
  mail: Mailer;
};

/** The current time as stored: ISO-8601 UTC. */
export const nowIso = (ctx: Pick<Ctx, 'clock'>): string => ctx.clock.now().toISOString();
