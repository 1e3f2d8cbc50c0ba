/**
 * The two-store harness: every store-touching test runs on SQLite and on PostgreSQL. Each
 * PostgreSQL run creates its own database and drops it afterwards.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore, type Store } from '../src/platform/db/connect.js';

export type StoreKind = 'sqlite' | 'postgres';
export const STORE_KINDS: StoreKind[] = ['sqlite', 'postgres'];

/** Admin connection for creating and dropping throwaway databases (trust auth on loopback). */
export const PG_ADMIN_URL = process.env.CONCORD_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export type TestStore = { store: Store; url: string | null; drop(): Promise<void> };

/** A throwaway PostgreSQL database; returns its URL and a function that drops it. */
export async function createPgDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `concord_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  return {
    url,
    async drop() {
      const client = new pg.Client({ connectionString: PG_ADMIN_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export async function openTestStore(kind: StoreKind): Promise<TestStore> {
  if (kind === 'sqlite') {
    const store = openStore({ sqlitePath: ':memory:' });
    return { store, url: null, drop: () => store.close() };
  }
  const database = await createPgDatabase();
  const store = openStore({ databaseUrl: database.url, sqlitePath: '' });
  return {
    store,
    url: database.url,
    async drop() {
      await store.close();
      await database.drop();
    },
  };
}
