/** Prints the figures as a Markdown table with the goal's verdict, and writes them as JSON when asked. */
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { QUERIES, VARIANTS } from './queries.mjs';
import { GOAL_P99_MS, LIKE_RUNS, N, opts, PAGE, RUNS, STORES } from './settings.mjs';

export function report(all, counts) {
  const f = (v) => (v < 10 ? v.toFixed(1) : v.toFixed(0));
  console.log(
    `\nArchive search, ${N.toLocaleString()} messages, 500 members, 20,000 conversations, two years; ${availableParallelism()} cores.`,
  );
  console.log(
    `Newest ${PAGE} hits; ms p50 / p99 over ${RUNS} runs (Concord: the index query, and with presenting the page as the API does) and ${LIKE_RUNS} runs (LIKE '%…%' newest first over a plain table of the same messages, with sender and conversation indexes). LIKE ÷ index compares p50s of the two queries that return doc ids.\n`,
  );
  const header = ['query', 'kind', 'matches', 'filter'];
  for (const s of STORES) header.push(`${s} Concord`, `${s} index only`, `${s} LIKE`, `${s} LIKE ÷ index`);
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map((_, i) => (i < 4 ? '---' : '---:')).join('|')}|`);
  for (const { q, kind } of QUERIES) {
    for (const variant of VARIANTS) {
      const cells = [
        variant === 'alone' ? q : '',
        variant === 'alone' ? kind : '',
        variant === 'alone' ? String(counts.get(q) ?? '') : '',
        variant,
      ];
      for (const s of STORES) {
        const r = all.find((x) => x.store === s && x.q === q && x.variant === variant);
        cells.push(
          `${f(r.p50)} / ${f(r.p99)}`,
          `${f(r.indexP50)} / ${f(r.indexP99)}`,
          `${f(r.likeP50)} / ${f(r.likeP99)}`,
          `${(r.likeP50 / r.indexP50).toFixed(1)}×`,
        );
      }
      console.log(`| ${cells.join(' | ')} |`);
    }
  }
  for (const s of STORES) {
    const rows = all.filter((r) => r.store === s);
    const worst = rows.reduce((a, b) => (b.p99 > a.p99 ? b : a));
    const over = rows.filter((r) => r.p99 >= GOAL_P99_MS);
    console.log(
      `\n${s}: worst p99 ${f(worst.p99)} ms (${worst.q}, ${worst.variant}); ${over.length} of ${rows.length} queries at or over the ${GOAL_P99_MS} ms goal${over.length ? `: ${over.map((r) => `${r.q}/${r.variant}`).join(', ')}` : ''}.`,
    );
  }
  if (opts.json) writeFileSync(opts.json, JSON.stringify({ n: N, runs: RUNS, results: all }, null, 2));
}
