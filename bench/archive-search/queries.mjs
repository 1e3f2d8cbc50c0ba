/** The queries and filter shapes timed, as Concord's index query and as a LIKE scan. */
import { prng } from './corpus.mjs';
import { org } from './data.mjs';
import { docIdFloor, MAX_DOC_ID, queryTokens, tag } from './server-modules.mjs';
import { PAGE, SEED } from './settings.mjs';

export const QUERIES = [
  { q: '客户', kind: 'two-character word (common)' },
  { q: '合同', kind: 'two-character word' },
  { q: '质检', kind: 'two-character word (rare)' },
  { q: '竞业', kind: 'two-character word (absent)' },
  { q: '客户经理', kind: 'phrase' },
  { q: '明天下午开会', kind: 'phrase (6 characters)' },
  { q: '请尽快确认', kind: 'phrase' },
  { q: 'iPhone15报价', kind: 'mixed Latin/Chinese' },
  { q: 'iphone', kind: 'Latin word of a mixed name' },
  { q: 'Q3 目标', kind: 'mixed, two terms' },
  { q: 'contract', kind: 'English word' },
  { q: '好', kind: 'single character' },
  { q: '报价 发货', kind: 'two words, both must match' },
  { q: '竞业协议 离职', kind: 'phrase and word (absent)' },
];
export const VARIANTS = ['alone', 'member', 'conversation', 'month', 'department'];

const busyChats = org.chats.slice(0, 500);
/** Deterministic filter values for run i of a variant. */
export function filterFor(variant, i) {
  const r = prng(SEED + 7 + i * 31 + VARIANTS.indexOf(variant));
  if (variant === 'member') return { member: org.people[Math.floor(r() * org.people.length)] };
  if (variant === 'conversation') return { chat: busyChats[Math.floor(r() * busyChats.length)] };
  if (variant === 'month') {
    const month = Math.floor(r() * 24);
    const from = new Date(Date.UTC(2024, 11 + month, 1));
    const to = new Date(Date.UTC(2024, 12 + month, 1));
    return { from: from.toISOString(), to: to.toISOString() };
  }
  if (variant === 'department') {
    const region = org.regions[Math.floor(r() * org.regions.length)];
    const stores = org.stores.filter((s) => s.parent === region.id);
    const self = org.people[Math.floor(r() * org.people.length)];
    return {
      scope: [region.id, ...stores.map((s) => s.id)],
      self,
      members: org.people.filter((p) => p.region === region.id),
    };
  }
  return {};
}

export function docQuery(q, f) {
  const tagGroups = [];
  if (f.chat) tagGroups.push([tag('conversation', f.chat.id)]);
  if (f.member) tagGroups.push([tag('member', f.member.id)]);
  if (f.scope) tagGroups.push([tag('member', f.self.id), ...f.scope.map((d) => tag('department', d))]);
  return {
    orgId: org.orgId,
    text: queryTokens(q),
    tagGroups,
    fromId: f.from ? docIdFloor(f.from) : 0,
    toId: f.to ? docIdFloor(f.to) : MAX_DOC_ID,
    limit: PAGE,
    narrow: Boolean(f.chat || f.member),
    // As the search plan does: a named conversation or member is walked first on PostgreSQL.
    ...(f.chat
      ? { walk: { column: 'conversation_id', id: f.chat.id } }
      : f.member
        ? { walk: { column: 'sender_id', id: f.member.id } }
        : {}),
  };
}

export function likeQuery(q, f, dialect) {
  // LIKE has no words: each space-separated part of the query is one substring, all must match.
  const terms = q.split(/\s+/).filter(Boolean);
  const params = [`%${terms[0]}%`];
  // Placeholders: SQLite ?, PostgreSQL $n ($1 is the org, $2 the first pattern).
  const bind = (value) => {
    params.push(value);
    return dialect === 'sqlite' ? '?' : `$${params.length + 1}`;
  };
  const clauses = [];
  if (f.chat) clauses.push(`AND conversation_id = ${bind(f.chat.id)}`);
  if (f.member) clauses.push(`AND sender_id = ${bind(f.member.id)}`);
  if (f.from) clauses.push(`AND doc_id >= ${bind(docIdFloor(f.from))} AND doc_id < ${bind(docIdFloor(f.to))}`);
  if (f.scope) clauses.push(`AND sender_id IN (${[f.self.id, ...f.members.map((m) => m.id)].map(bind).join(', ')})`);
  for (const extra of terms.slice(1))
    clauses.push(`AND body ${dialect === 'sqlite' ? 'LIKE' : 'ILIKE'} ${bind(`%${extra}%`)}`);
  return { where: clauses.join(' '), params };
}
