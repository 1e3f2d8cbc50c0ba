/** Loads the generated messages into a fresh PostgreSQL database, indexes built once after the bulk load. */
import { directKey, messages, NOW, org } from './data.mjs';
import { docSignature, migrateIfBehind, migrateToLatest, openStore, pg } from './server-modules.mjs';
import { log, opts, PG_ADMIN, PG_DB } from './settings.mjs';

async function reusePostgres(url) {
  const store = openStore({ databaseUrl: url, sqlitePath: '' });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  log(`postgres: reusing ${PG_DB}`);
  await migrateIfBehind(store, 'postgres');
  return { store, client };
}

export async function loadPostgres() {
  const admin = new pg.Client({ connectionString: PG_ADMIN });
  await admin.connect();
  if (opts.reuse) {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [PG_DB]);
    if (found.rowCount) {
      await admin.end();
      return reusePostgres(PG_ADMIN.replace(/\/[^/]*$/, `/${PG_DB}`));
    }
  }
  await admin.query(`DROP DATABASE IF EXISTS ${PG_DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${PG_DB}`);
  await admin.end();
  const url = PG_ADMIN.replace(/\/[^/]*$/, `/${PG_DB}`);
  const store = openStore({ databaseUrl: url, sqlitePath: '' });
  await migrateToLatest(store.db, 'postgres');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const q = (text, values) => client.query(text, values);
  await q("SET maintenance_work_mem = '1GB'");
  await q('SET synchronous_commit = off');
  await q(`CREATE TABLE bench_plain (doc_id bigint PRIMARY KEY, org_id text NOT NULL, conversation_id text NOT NULL,
           sender_id text NOT NULL, body text NOT NULL)`);
  // Bulk load without the secondary indexes, then build them once.
  for (const index of [
    'archive_search_docs_tokens',
    'archive_search_docs_org',
    'archive_search_docs_conversation',
    'archive_search_docs_message',
    'archive_search_docs_record',
    'archive_search_docs_sender_walk',
    'archive_search_docs_conversation_walk',
    'archive_records_seq',
    'archive_records_source',
    'archive_records_conversation',
    'archive_records_actor',
  ]) {
    await q(`DROP INDEX ${index}`);
  }
  const now = NOW;
  await q('INSERT INTO orgs (id, name, settings, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)', [
    org.orgId,
    '基准公司',
    '{}',
    now,
  ]);
  await q(
    'INSERT INTO departments (id, org_id, parent_id, name, sort_order, created_at, updated_at) VALUES ($1, $2, NULL, $3, 0, $4, $4)',
    [org.root, org.orgId, '总部', now],
  );
  for (const d of [...org.regions, ...org.stores]) {
    await q(
      'INSERT INTO departments (id, org_id, parent_id, name, sort_order, created_at, updated_at) VALUES ($1, $2, $3, $4, 0, $5, $5)',
      [d.id, org.orgId, d.parent, d.name, now],
    );
  }
  const people = [
    ...org.people.map((p) => [p.id, 'staff', p.name, p.department]),
    ...org.guests.map((g) => [g.id, 'guest', g.name, org.root]),
  ];
  await q(
    `INSERT INTO members (id, org_id, kind, name, name_pinyin, name_initials, primary_department_id, status, totp_enabled, totp_last_step, created_at, updated_at)
           SELECT id, $1, kind, name, '', '', dept, 'active', 0, 0, $2, $2 FROM unnest($3::text[], $4::text[], $5::text[], $6::text[]) AS u(id, kind, name, dept)`,
    [
      org.orgId,
      now,
      people.map((p) => p[0]),
      people.map((p) => p[1]),
      people.map((p) => p[2]),
      people.map((p) => p[3]),
    ],
  );
  await q(
    `INSERT INTO member_departments (org_id, member_id, department_id, is_primary) SELECT $1, m, d, 1 FROM unnest($2::text[], $3::text[]) AS u(m, d)`,
    [org.orgId, org.people.map((p) => p.id), org.people.map((p) => p.department)],
  );
  await q(
    `INSERT INTO conversations (id, org_id, kind, name, settings, member_limit, direct_key, last_seq, status, created_at, updated_at)
           SELECT id, $1, kind, name, '{}', 2000, dk, 0, 'active', $2, $2 FROM unnest($3::text[], $4::text[], $5::text[], $6::text[]) AS u(id, kind, name, dk)`,
    [
      org.orgId,
      now,
      org.chats.map((c) => c.id),
      org.chats.map((c) => c.kind),
      org.chats.map((c) => c.name),
      org.chats.map(directKey),
    ],
  );
  let batch = [];
  let done = 0;
  const flush = async (rows) => {
    if (rows.length === 0) return;
    const col = (f) => rows.map(f);
    await q(
      `INSERT INTO archive_records (id, org_id, seq, type, at, conversation_id, actor_id, message_id, source_key, attrs, content_hash, leaf_hash, content)
             SELECT id, $1, seq, 'message.created', at, c, s, m, 'ev:' || seq, '{}', '', '', body
             FROM unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) AS u(id, seq, at, c, s, m, body)`,
      [
        org.orgId,
        col((m) => m.recordId),
        col((m) => m.seq),
        col((m) => m.at),
        col((m) => m.chat.id),
        col((m) => m.sender.id),
        col((m) => m.messageId),
        col((m) => m.content),
      ],
    );
    await q(
      `INSERT INTO archive_search_docs (doc_id, org_id, record_id, record_seq, type, at, conversation_id, message_id, sender_id, external, department_ids, guest_ids, tokens, walk_sig)
             SELECT d, $1, r, s, 'message.created', a, c, m, snd, e, dep, g, to_tsvector('simple', t), sig::bit(512)
             FROM unnest($2::bigint[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int[], $10::text[], $11::text[], $12::text[], $13::text[])
               AS u(d, r, s, a, c, m, snd, e, dep, g, t, sig)`,
      [
        org.orgId,
        col((m) => m.docId),
        col((m) => m.recordId),
        col((m) => m.seq),
        col((m) => m.at),
        col((m) => m.chat.id),
        col((m) => m.messageId),
        col((m) => m.sender.id),
        col((m) => (m.chat.kind === 'external' ? 1 : 0)),
        col((m) => m.departments),
        col((m) => m.guests),
        col((m) => m.doc),
        col((m) => docSignature(m.doc)),
      ],
    );
    await q(
      `INSERT INTO bench_plain (doc_id, org_id, conversation_id, sender_id, body) SELECT d, $1, c, s, b FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[]) AS u(d, c, s, b)`,
      [org.orgId, col((m) => m.docId), col((m) => m.chat.id), col((m) => m.sender.id), col((m) => m.text)],
    );
  };
  for (const m of messages()) {
    batch.push(m);
    if (batch.length === 5_000) {
      await flush(batch);
      done += batch.length;
      batch = [];
      if (done % 200_000 === 0) log(`postgres: ${done.toLocaleString()} messages`);
    }
  }
  await flush(batch);
  log('postgres: building indexes');
  await q('CREATE INDEX archive_search_docs_tokens ON archive_search_docs USING gin (tokens)');
  await q('CREATE INDEX archive_search_docs_org ON archive_search_docs (org_id, doc_id)');
  await q('CREATE INDEX archive_search_docs_conversation ON archive_search_docs (org_id, conversation_id, record_seq)');
  await q('CREATE INDEX archive_search_docs_message ON archive_search_docs (org_id, message_id)');
  await q('CREATE UNIQUE INDEX archive_search_docs_record ON archive_search_docs (record_id)');
  await q(
    'CREATE INDEX archive_search_docs_sender_walk ON archive_search_docs (org_id, sender_id, doc_id) INCLUDE (walk_sig)',
  );
  await q(
    'CREATE INDEX archive_search_docs_conversation_walk ON archive_search_docs (org_id, conversation_id, doc_id) INCLUDE (walk_sig)',
  );
  await q('CREATE UNIQUE INDEX archive_records_seq ON archive_records (org_id, seq)');
  await q('CREATE UNIQUE INDEX archive_records_source ON archive_records (org_id, source_key)');
  await q('CREATE INDEX archive_records_conversation ON archive_records (org_id, conversation_id, seq)');
  await q('CREATE INDEX archive_records_actor ON archive_records (org_id, actor_id, seq)');
  await q('CREATE INDEX bench_plain_sender ON bench_plain (sender_id, doc_id)');
  await q('CREATE INDEX bench_plain_conversation ON bench_plain (conversation_id, doc_id)');
  await q('VACUUM ANALYZE');
  const size = await q(`SELECT pg_database_size('${PG_DB}') AS b`);
  log(`postgres: loaded, ${(Number(size.rows[0].b) / 1048576).toFixed(0)} MB`);
  return { store, client };
}
