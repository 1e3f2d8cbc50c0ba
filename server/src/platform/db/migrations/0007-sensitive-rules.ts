/**
 * Sensitive-content rules on messages. An org keeps named word lists (`sensitive_lexicons`, each
 * with a version bumped on every change so every node recompiles it on the next message) and
 * rules (`sensitive_rules`) naming lexicons and built-in detectors with an action and a scope.
 * `sensitive_rule_sets` holds one version per org, bumped with any lexicon or rule change: the
 * send path compares it to its cached rule set. Every hit is a row of `sensitive_alerts`.
 * A masked message keeps the text as written in `messages.original_body`, for the archive only.
 */
import type { Kysely } from 'kysely';
import type { Dialect } from '../connect.js';

type AnyDb = Kysely<unknown>;

export async function up(db: AnyDb, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable('messages').addColumn('original_body', 'text').execute();

  await db.schema
    .createTable('sensitive_rule_sets')
    .addColumn('org_id', 'text', (c) => c.primaryKey().references('orgs.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sensitive_lexicons')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    // JSON array of the words as written, de-duplicated after normalisation.
    .addColumn('words', 'text', (c) => c.notNull())
    .addColumn('word_count', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
  await db.schema
    .createIndex('sensitive_lexicons_name')
    .unique()
    .on('sensitive_lexicons')
    .columns(['org_id', 'name'])
    .execute();

  await db.schema
    .createTable('sensitive_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('department_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('lexicon_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('detectors', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
  await db.schema
    .createIndex('sensitive_rules_name')
    .unique()
    .on('sensitive_rules')
    .columns(['org_id', 'name'])
    .execute();

  await db.schema
    .createTable('sensitive_alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    // Rules may be deleted later; the alert keeps their id and name as they were.
    .addColumn('rule_id', 'text', (c) => c.notNull())
    .addColumn('rule_name', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    // What happened to the message: blocked, masked or recorded (the strongest action that hit).
    .addColumn('outcome', 'text', (c) => c.notNull())
    // `send` or `edit`.
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
    // Null when the message was blocked (nothing stored).
    .addColumn('message_id', 'text')
    .addColumn('sender_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('sender_name', 'text', (c) => c.notNull())
    // The text as written, and JSON of the hits of this rule in it.
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('hits', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('reviewed_by', 'text', (c) => c.references('members.id'))
    .addColumn('reviewed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sensitive_alerts_org').on('sensitive_alerts').columns(['org_id', 'id']).execute();
  await db.schema
    .createIndex('sensitive_alerts_sender')
    .on('sensitive_alerts')
    .columns(['org_id', 'sender_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('sensitive_alerts_rule')
    .on('sensitive_alerts')
    .columns(['org_id', 'rule_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('sensitive_alerts_status')
    .on('sensitive_alerts')
    .columns(['org_id', 'status', 'id'])
    .execute();
}
