/**
 * Serialises first-run setup so two concurrent calls cannot both see "no org" and create two.
 * In-process: a promise chain per store. On PostgreSQL the work also runs on one connection
 * holding a session advisory lock, so several nodes sharing one database are serialised too.
 * (SQLite is single-node; its writes are serialised by the file lock, and the chain covers the
 * check-then-create race inside the process.)
 */
import { sql } from 'kysely';
import type { Ctx } from '../../app/context.js';
import type { Store } from '../../platform/db/connect.js';

/** Arbitrary but fixed: the advisory lock key every Concord node uses for setup. */
const SETUP_LOCK_KEY = 720_260_001;

const chains = new WeakMap<Store, Promise<unknown>>();

/** Runs `work` alone; it receives a ctx whose db is the locked connection on PostgreSQL. */
export function withSetupLock<T>(ctx: Ctx, work: (locked: Ctx) => Promise<T>): Promise<T> {
  const previous = chains.get(ctx.store) ?? Promise.resolve();
  const run = previous.then(() => (ctx.dialect === 'postgres' ? withAdvisoryLock(ctx, work) : work(ctx)));
  chains.set(
    ctx.store,
    run.catch(() => undefined),
  );
  return run;
}

function withAdvisoryLock<T>(ctx: Ctx, work: (locked: Ctx) => Promise<T>): Promise<T> {
  return ctx.db.connection().execute(async (db) => {
    await sql`select pg_advisory_lock(${SETUP_LOCK_KEY})`.execute(db);
    try {
      // Everything inside (including transactions) runs on this connection, under the lock.
      return await work({ ...ctx, db });
    } finally {
      await sql`select pg_advisory_unlock(${SETUP_LOCK_KEY})`.execute(db);
    }
  });
}
