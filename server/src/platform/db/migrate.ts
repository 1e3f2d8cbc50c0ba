/** Versioned migrations, applied in name order at start and by `concord migrate`. */
import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { Dialect } from './connect.js';
import * as m0001 from './migrations/0001-foundation.js';
import * as m0002 from './migrations/0002-messaging.js';
import * as m0003 from './migrations/0003-group-tools.js';
import * as m0004 from './migrations/0004-attachments.js';
import * as m0005 from './migrations/0005-guests.js';
import * as m0006 from './migrations/0006-archive.js';
import * as m0007 from './migrations/0007-sensitive-rules.js';
import * as m0008 from './migrations/0008-archive-search.js';
import * as m0009 from './migrations/0009-retention.js';
import * as m0010 from './migrations/0010-archive-consent.js';
import * as m0011 from './migrations/0011-customers.js';
import * as m0012w from './migrations/0012-archive-search-walk.js';
import * as m0012 from './migrations/0012-customer-transfers.js';
import * as m0013 from './migrations/0013-archive-search-runs.js';
import * as m0014c from './migrations/0014-contact-links.js';
import * as m0015 from './migrations/0015-quick-replies.js';
import * as m0016 from './migrations/0016-customer-analytics.js';
import * as m0017 from './migrations/0017-notifications.js';
import * as m0018 from './migrations/0018-customer-groups.js';
import * as m0019 from './migrations/0019-mass-messages.js';
import * as m0020 from './migrations/0020-response-time.js';
import * as m0021 from './migrations/0021-customer-posts.js';
import * as m0022 from './migrations/0022-follow-up-files.js';
import * as m0023 from './migrations/0023-mass-message-uploads.js';
import * as m0024 from './migrations/0024-archive-search-signatures.js';
import type { Database } from './schema.js';

type MigrationModule = { up(db: Kysely<unknown>, dialect: Dialect): Promise<void> };

const MIGRATIONS: Record<string, MigrationModule> = {
  '0001-foundation': m0001,
  '0002-messaging': m0002,
  '0003-group-tools': m0003,
  '0004-attachments': m0004,
  '0005-guests': m0005,
  '0006-archive': m0006,
  '0007-sensitive-rules': m0007,
  '0008-archive-search': m0008,
  '0009-retention': m0009,
  '0010-archive-consent': m0010,
  '0011-customers': m0011,
  '0012-customer-transfers': m0012,
  '0012-archive-search-walk': m0012w,
  '0017-notifications': m0017,
  '0018-customer-groups': m0018,
  '0022-follow-up-files': m0022,
  '0023-mass-message-uploads': m0023,
  '0015-quick-replies': m0015,
  '0014-contact-links': m0014c,
  '0016-customer-analytics': m0016,
  '0013-archive-search-runs': m0013,
  '0020-response-time': m0020,
  '0021-customer-posts': m0021,
  '0019-mass-messages': m0019,
  '0024-archive-search-signatures': m0024,
};

function provider(dialect: Dialect): MigrationProvider {
  return {
    async getMigrations() {
      const out: Record<string, Migration> = {};
      for (const [name, mod] of Object.entries(MIGRATIONS)) {
        out[name] = { up: (db) => mod.up(db, dialect) };
      }
      return out;
    },
  };
}

/** Applies every pending migration; returns the names applied. Throws on the first failure. */
export async function migrateToLatest(db: Kysely<Database>, dialect: Dialect): Promise<string[]> {
  // Features land in parallel, so a database may hold a later migration before an earlier one
  // arrives; each migration touches only its own tables, so a pending one runs whatever its place.
  const migrator = new Migrator({ db, provider: provider(dialect), allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
