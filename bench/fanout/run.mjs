// Group-message fanout: Concord (HTTP send → WebSocket delivery to every member) against a bare `ws` broadcast server.
// One N-member group (default 10,000), every member connected (clients in their own process); messages
// are sent at stepped rates and each client records send→receive latency. Prints one table per rate
// (deliveries/s, ratio, p50/p99, send-path latency) plus memory per connected client, and whether the
// issue's goal (≥ 60% of bare's delivery rate, p99 < 250 ms) is met.
// Options: --members N (default 10000), --rates 1,2,5,10 (messages/s), --seconds S per rate (10),
// --quick (500 members, 20 msg/s for 5 s), --json FILE (raw figures), --keep (keep the temp store).
import { fork, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { seedStore } from './seed.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '../..');

const { values: opts } = parseArgs({
  options: {
    members: { type: 'string' },
    rates: { type: 'string' },
    seconds: { type: 'string' },
    quick: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    json: { type: 'string' },
  },
});
const MEMBERS = Number(opts.members ?? (opts.quick ? 500 : 10_000));
const RATES = (opts.rates ?? (opts.quick ? '20' : '1,2,5,10')).split(',').map(Number);
const SECONDS = Number(opts.seconds ?? (opts.quick ? 5 : 10));
const GOAL = { ratio: 0.6, p99Ms: 250 };
/** A step "sustains" its rate when nearly everything arrived and p99 is under the goal. */
const SUSTAINED_SHARE = 0.99;

const log = (...args) => console.error(`[fanout ${new Date().toISOString().slice(11, 19)}]`, ...args);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Resident memory of a process in bytes (Linux). */
function rssOf(pid) {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(line?.match(/(\d+)/)?.[1] ?? 0) * 1024;
}

/** CPU seconds (user + system) a process has used so far (Linux, clock ticks of 100 Hz). */
function cpuOf(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function startProcess(args, env) {
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = [];
  child.stdout.on('data', (d) => output.push(d.toString()));
  child.stderr.on('data', (d) => output.push(d.toString()));
  child.output = output;
  return child;
}

async function waitFor(check, ms, what) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function stop(child) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** The client process, driven by request/answer IPC messages. */
function startClients() {
  const child = fork(join(here, 'clients.mjs'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const pending = new Map();
  let nextId = 0;
  child.on('message', (msg) => {
    const waiter = pending.get(msg.id);
    pending.delete(msg.id);
    if (msg.error) waiter?.reject(new Error(msg.error));
    else waiter?.resolve(msg.result);
  });
  const call = (cmd, args = {}) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      child.send({ id, cmd, ...args });
    });
  return { child, call };
}

function percentiles(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : null);
  return { p50: at(50), p99: at(99) };
}

/**
 * Sends `count` messages at `rate` per second, open loop (a slow answer does not delay the next
 * send); returns the request→response times and how many failed.
 */
async function sendAt(post, rate, count, label) {
  const started = performance.now();
  const durations = [];
  let failures = 0;
  let firstError = null;
  const inFlight = [];
  for (let i = 0; i < count; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const t0 = performance.now();
    const body = `fanout:${label}-${i}:${Date.now()}`;
    inFlight.push(
      post(`${label}-${i}`, body).then(
        (res) => {
          durations.push(performance.now() - t0);
          if (!res.ok) {
            failures++;
            firstError ??= `HTTP ${res.status}`;
          }
        },
        (err) => {
          failures++;
          firstError ??= String(err);
        },
      ),
    );
  }
  await Promise.all(inFlight);
  return { durations, failures, firstError };
}

/** Connects every member, then runs each rate; returns memory and per-rate figures. */
async function measure(name, { pid, wsUrl, post, tokensFile }) {
  const clients = startClients();
  try {
    // The send path alone (no sockets connected): HTTP request → response, i.e. through the commit.
    const idle = await sendAt(post, 10, 30, `${name}-idle`);
    const rssBefore = rssOf(pid);
    log(`${name}: connecting ${MEMBERS} clients…`);
    const connected = await clients.call('connect', { url: wsUrl, tokensFile, concurrency: 64 });
    log(`${name}: ${connected.ok} connected, ${connected.failed} failed in ${connected.ms} ms`, connected.errors);
    await sleep(2000);
    const rssAfter = rssOf(pid);
    // Warm-up (JIT, caches), not measured.
    await clients.call('start');
    await sendAt(post, 2, 4, `${name}-warm`);
    await clients.call('finish', { expected: 4 * connected.ok, quietMs: 2000, maxMs: 20_000 });

    const steps = [];
    for (const rate of RATES) {
      const count = Math.max(5, Math.round(rate * SECONDS));
      await clients.call('start');
      const cpu0 = cpuOf(pid);
      const clientCpu0 = cpuOf(clients.child.pid);
      const t0 = Date.now();
      const sent = await sendAt(post, rate, count, `${name}-r${rate}`);
      const got = await clients.call('finish', {
        expected: count * connected.ok,
        quietMs: 3000,
        maxMs: 120_000,
      });
      // At least the sending time: an unsaturated step then shows exactly the offered rate.
      const seconds = Math.max(count / rate, ((got.lastAt || Date.now()) - t0) / 1000);
      const cpu = (cpuOf(pid) - cpu0) / seconds;
      const clientCpu = (cpuOf(clients.child.pid) - clientCpu0) / seconds;
      const step = {
        rate,
        count,
        offered: rate * connected.ok,
        expected: count * connected.ok,
        deliveries: got.deliveries,
        perSecond: got.deliveries / seconds,
        p50: got.p50,
        p99: got.p99,
        max: got.max,
        frameBytes: got.frameBytes,
        send: percentiles(sent.durations),
        sendFailures: sent.failures,
        sendError: sent.firstError,
        open: got.open,
        closes: got.closes,
        serverCpu: cpu,
        clientCpu,
      };
      log(
        `${name} ${rate} msg/s: ${step.deliveries}/${step.expected} delivered, ${Math.round(step.perSecond)}/s, ` +
          `p50 ${step.p50} ms p99 ${step.p99} ms, send p50 ${step.send.p50?.toFixed(1)} ms, ` +
          `CPU server ${(cpu * 100).toFixed(0)}% clients ${(clientCpu * 100).toFixed(0)}%, open ${step.open}${sent.failures ? `, ${sent.failures} sends failed (${sent.firstError})` : ''}`,
      );
      steps.push(step);
    }
    await clients.call('close');
    return {
      connected,
      idleSend: percentiles(idle.durations),
      rssPerClient: (rssAfter - rssBefore) / Math.max(1, connected.ok),
      rssBefore,
      rssAfter,
      steps,
    };
  } finally {
    clients.child.kill();
  }
}

async function runConcord(dataDir, seeded, tokensFile) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = startProcess([join(root, 'server/dist/main.js')], {
    PATH: process.env.PATH,
    PORT: String(port),
    HOST: '127.0.0.1',
    CONCORD_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
  });
  try {
    await waitFor(async () => (await fetch(`${base}/readyz`)).ok, 30_000, 'Concord');
    const url = `${base}/api/v1/conversations/${seeded.conversationId}/messages`;
    const headers = { authorization: `Bearer ${seeded.ownerToken}`, 'content-type': 'application/json' };
    const post = async (clientMsgId, body) => {
      const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ clientMsgId, body }) });
      await res.arrayBuffer();
      return res;
    };
    const probe = await post('probe', 'fanout:probe:0');
    if (!probe.ok) throw new Error(`Concord refused the probe send: HTTP ${probe.status}`);
    return await measure('concord', {
      pid: server.pid,
      wsUrl: `${base.replace('http', 'ws')}/api/v1/ws`,
      post,
      tokensFile,
    });
  } catch (err) {
    log('Concord output:', server.output.join('').slice(-3000));
    throw err;
  } finally {
    await stop(server);
  }
}

async function runBare(tokensFile) {
  const port = await freePort();
  const server = startProcess([join(here, 'bare-server.mjs'), String(port)], { PATH: process.env.PATH });
  try {
    await waitFor(async () => server.output.join('').includes('listening'), 10_000, 'bare server');
    const url = `http://127.0.0.1:${port}/broadcast`;
    const post = async (clientMsgId, body) => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ clientMsgId, body }),
      });
      await res.arrayBuffer();
      return res;
    };
    return await measure('bare', { pid: server.pid, wsUrl: `ws://127.0.0.1:${port}/api/v1/ws`, post, tokensFile });
  } finally {
    await stop(server);
  }
}

const fmt = (n, digits = 0) => (n === null || n === undefined || Number.isNaN(n) ? '–' : n.toFixed(digits));
const sustained = (s) => s.deliveries >= SUSTAINED_SHARE * s.expected && s.p99 !== null && s.p99 < GOAL.p99Ms;

function report(concord, bare) {
  const lines = [];
  const out = (l) => lines.push(l);
  out(
    `fanout — ${MEMBERS} members in one group, all connected; ${SECONDS} s per rate; ${availableParallelism()} cores (${cpus()[0]?.model ?? 'cpu'}); ${new Date().toISOString().slice(0, 10)}`,
  );
  out(
    `frame size: Concord ${concord.steps[0]?.frameBytes ?? '–'} B, bare ${bare.steps[0]?.frameBytes ?? '–'} B; connected: Concord ${concord.connected.ok}/${MEMBERS} in ${(concord.connected.ms / 1000).toFixed(1)} s, bare ${bare.connected.ok}/${MEMBERS} in ${(bare.connected.ms / 1000).toFixed(1)} s`,
  );
  out('');
  out(
    '| rate (msg/s) | offered deliveries/s | Concord deliveries/s | bare deliveries/s (baseline) | ratio | Concord p50 / p99 ms | bare p50 / p99 ms | Concord send path p50 / p99 ms | bare send p50 / p99 ms | Concord delivered | goal met |',
  );
  out('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|');
  concord.steps.forEach((c, i) => {
    const b = bare.steps[i];
    const ratio = c.perSecond / b.perSecond;
    const met =
      ratio >= GOAL.ratio && c.p99 !== null && c.p99 < GOAL.p99Ms && c.deliveries >= SUSTAINED_SHARE * c.expected;
    out(
      `| ${c.rate} | ${c.offered} | ${fmt(c.perSecond)} | ${fmt(b.perSecond)} | ${fmt(ratio, 2)} | ${fmt(c.p50)} / ${fmt(c.p99)} | ${fmt(b.p50)} / ${fmt(b.p99)} | ${fmt(c.send.p50, 1)} / ${fmt(c.send.p99, 1)} | ${fmt(b.send.p50, 1)} / ${fmt(b.send.p99, 1)} | ${((100 * c.deliveries) / c.expected).toFixed(1)}% | ${met ? 'yes' : 'no'} |`,
    );
  });
  out('');
  const mib = (b) => (b / 1024 / 1024).toFixed(0);
  out('| memory per connected client | Concord | bare (baseline) | ratio |');
  out('|---|---:|---:|---:|');
  out(
    `| server RSS after connect − before, ÷ clients | ${fmt(concord.rssPerClient / 1024, 1)} KiB | ${fmt(bare.rssPerClient / 1024, 1)} KiB | ${fmt(concord.rssPerClient / bare.rssPerClient, 2)} |`,
  );
  out(
    `| server RSS before → after connect | ${mib(concord.rssBefore)} → ${mib(concord.rssAfter)} MiB | ${mib(bare.rssBefore)} → ${mib(bare.rssAfter)} MiB | |`,
  );
  out('');
  const best = (steps, pick) => steps.filter(pick).reduce((m, s) => Math.max(m, s.perSecond), 0);
  const cPeak = best(concord.steps, () => true);
  const bPeak = best(bare.steps, () => true);
  const cSus = best(concord.steps, sustained);
  const bSus = best(bare.steps, sustained);
  out(
    `peak deliveries/s: Concord ${fmt(cPeak)}, bare ${fmt(bPeak)} → ratio ${fmt(cPeak / bPeak, 2)} (goal ≥ ${GOAL.ratio})`,
  );
  out(
    `sustained (≥ ${SUSTAINED_SHARE * 100}% delivered and p99 < ${GOAL.p99Ms} ms): Concord ${fmt(cSus)}/s, bare ${fmt(bSus)}/s → ratio ${bSus ? fmt(cSus / bSus, 2) : '–'}`,
  );
  const goalMet = bSus > 0 && cSus / bSus >= GOAL.ratio;
  out(`goal (Concord sustains ≥ 60% of bare's rate with p99 < 250 ms): ${goalMet ? 'MET' : 'NOT MET'}`);
  out(
    `send path with no sockets connected (HTTP request → response, after commit), p50 / p99 ms: Concord ${fmt(concord.idleSend.p50, 1)} / ${fmt(concord.idleSend.p99, 1)}, bare ${fmt(bare.idleSend.p50, 1)} / ${fmt(bare.idleSend.p99, 1)}`,
  );
  const cpuNote = (r) =>
    r.steps.map((s) => `${s.rate}: ${(s.serverCpu * 100).toFixed(0)}% / ${(s.clientCpu * 100).toFixed(0)}%`).join(', ');
  out(`CPU by rate, server / client process (one core = 100%): Concord ${cpuNote(concord)}; bare ${cpuNote(bare)}`);
  const drops = concord.steps.filter((s) => s.open < concord.connected.ok);
  if (drops.length) out(`note: Concord closed sockets during the run: ${JSON.stringify(drops.at(-1).closes)}`);
  return lines.join('\n');
}

const dataDir = mkdtempSync(join(tmpdir(), 'concord-fanout-'));
try {
  log(`seeding ${MEMBERS} members in ${dataDir}…`);
  const t0 = Date.now();
  const seeded = seedStore({ root, dataDir, members: MEMBERS });
  const tokensFile = join(dataDir, 'tokens.json');
  writeFileSync(tokensFile, JSON.stringify(seeded.tokens));
  log(`seeded in ${Date.now() - t0} ms; rates ${RATES.join(', ')} msg/s, ${SECONDS} s each`);
  const concord = await runConcord(dataDir, seeded, tokensFile);
  const bare = await runBare(tokensFile);
  const table = report(concord, bare);
  console.log(table);
  if (opts.json) writeFileSync(opts.json, JSON.stringify({ concord, bare }, null, 2));
} finally {
  if (!opts.keep) rmSync(dataDir, { recursive: true, force: true });
}
