/** Loads the generated messages into a SQLite store as the server's tables hold them, plus a plain table for LIKE. */
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { directKey, messages, NOW, org } from './data.mjs';
import {
  ftsPartitionDdl,
  ftsPartitionOf,
  ftsTableName,
  migrateIfBehind,
  migrateToLatest,
  openStore,
} from './server-modules.mjs';
import { DIR, log, opts } from './settings.mjs';

export async function loadSqlite() {
  mkdirSync(DIR, { recursive: true });
  const path = join(DIR, 'archive-search.db');
  if (opts.reuse && existsSync(path)) {
    log(`sqlite: reusing ${path}`);
    const store = openStore({ sqlitePath: path });
    await migrateIfBehind(store, 'sqlite');
    return { store };
  }
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  const store = openStore({ sqlitePath: path });
  await migrateToLatest(store.db, 'sqlite');
  const db = store.sqlite;
  db.pragma('foreign_keys = OFF');
  db.pragma('synchronous = OFF');
  db.exec(`CREATE TABLE bench_plain (doc_id INTEGER PRIMARY KEY, org_id TEXT NOT NULL, conversation_id TEXT NOT NULL,
           sender_id TEXT NOT NULL, body TEXT NOT NULL)`);
  const now = NOW;
  db.prepare('INSERT INTO orgs (id, name, settings, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(
    org.orgId,
    '基准公司',
    '{}',
    now,
    now,
  );
  const dept = db.prepare(
    'INSERT INTO departments (id, org_id, parent_id, name, sort_order, created_at, updated_at) VALUES (?, ?, ?, ?, 0, ?, ?)',
  );
  dept.run(org.root, org.orgId, null, '总部', now, now);
  for (const d of [...org.regions, ...org.stores]) dept.run(d.id, org.orgId, d.parent, d.name, now, now);
  const member =
    db.prepare(`INSERT INTO members (id, org_id, kind, name, name_pinyin, name_initials, primary_department_id, status,
      totp_enabled, totp_last_step, created_at, updated_at) VALUES (?, ?, ?, ?, '', '', ?, 'active', 0, 0, ?, ?)`);
  const md = db.prepare(
    'INSERT INTO member_departments (org_id, member_id, department_id, is_primary) VALUES (?, ?, ?, 1)',
  );
  db.transaction(() => {
    for (const p of org.people) {
      member.run(p.id, org.orgId, 'staff', p.name, p.department, now, now);
      md.run(org.orgId, p.id, p.department);
    }
    for (const g of org.guests) member.run(g.id, org.orgId, 'guest', g.name, org.root, now, now);
  })();
  const conv =
    db.prepare(`INSERT INTO conversations (id, org_id, kind, name, settings, member_limit, direct_key, last_seq, status,
      created_at, updated_at) VALUES (?, ?, ?, ?, '{}', 2000, ?, 0, 'active', ?, ?)`);
  db.transaction(() => {
    for (const c of org.chats) conv.run(c.id, org.orgId, c.kind, c.name, directKey(c), now, now);
  })();
  const record =
    db.prepare(`INSERT INTO archive_records (id, org_id, seq, type, at, conversation_id, actor_id, message_id, source_key,
      attrs, content_hash, leaf_hash, content) VALUES (?, ?, ?, 'message.created', ?, ?, ?, ?, ?, '{}', '', '', ?)`);
  const doc =
    db.prepare(`INSERT INTO archive_search_docs (doc_id, org_id, record_id, record_seq, type, at, conversation_id, message_id,
      sender_id, external, department_ids, guest_ids) VALUES (?, ?, ?, ?, 'message.created', ?, ?, ?, ?, ?, ?, ?)`);
  // One FTS5 table per span of time, made as the first record of the span arrives (as the server does).
  const ftsInserts = new Map();
  const fts = (docId, body) => {
    const partition = ftsPartitionOf(docId);
    let insert = ftsInserts.get(partition);
    if (!insert) {
      for (const statement of ftsPartitionDdl(partition)) db.exec(statement);
      insert = db.prepare(`INSERT INTO ${ftsTableName(partition)} (rowid, body) VALUES (?, ?)`);
      ftsInserts.set(partition, insert);
    }
    insert.run(docId, body);
  };
  const plain = db.prepare(
    'INSERT INTO bench_plain (doc_id, org_id, conversation_id, sender_id, body) VALUES (?, ?, ?, ?, ?)',
  );
  let batch = [];
  const flush = db.transaction((rows) => {
    for (const m of rows) {
      record.run(m.recordId, org.orgId, m.seq, m.at, m.chat.id, m.sender.id, m.messageId, `ev:${m.seq}`, m.content);
      doc.run(
        m.docId,
        org.orgId,
        m.recordId,
        m.seq,
        m.at,
        m.chat.id,
        m.messageId,
        m.sender.id,
        m.chat.kind === 'external' ? 1 : 0,
        m.departments,
        m.guests,
      );
      fts(m.docId, m.doc);
      plain.run(m.docId, org.orgId, m.chat.id, m.sender.id, m.text);
    }
  });
  let done = 0;
  for (const m of messages()) {
    batch.push(m);
    if (batch.length === 20_000) {
      flush(batch);
      done += batch.length;
      batch = [];
      if (done % 200_000 === 0) log(`sqlite: ${done.toLocaleString()} messages`);
    }
  }
  flush(batch);
  db.exec('CREATE INDEX bench_plain_sender ON bench_plain (sender_id, doc_id)');
  db.exec('CREATE INDEX bench_plain_conversation ON bench_plain (conversation_id, doc_id)');
  db.exec('ANALYZE');
  db.pragma('synchronous = NORMAL');
  log(`sqlite: loaded, ${(statSync(path).size / 1048576).toFixed(0)} MB`);
  return { store };
}
