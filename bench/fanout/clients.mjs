// Simulated members for the fanout benchmark (a separate process, forked by run.mjs; IPC messages).
// Opens one WebSocket per member, signs in with a first `auth` frame, and for every frame carrying
// a benchmark message records receive time − the send time the sender put in the body.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// `ws` is a dependency of the server workspace.
const require = createRequire(new URL('../../server/package.json', import.meta.url));
const { WebSocket } = require('ws');

/** The sender writes bodies as `fanout:<n>:<Date.now() at send>`. */
const MARKER = Buffer.from('fanout:');
const READY = Buffer.from('"type":"ready"');

let sockets = [];
let step = newStep();
const closes = new Map();

function newStep() {
  return { deliveries: 0, latencies: new Float64Array(1 << 16), bytes: 0, firstAt: 0, lastAt: 0 };
}

function record(latency, size, now) {
  if (step.deliveries === step.latencies.length) {
    const bigger = new Float64Array(step.latencies.length * 2);
    bigger.set(step.latencies);
    step.latencies = bigger;
  }
  step.latencies[step.deliveries++] = latency;
  step.bytes += size;
  if (step.firstAt === 0) step.firstAt = now;
  step.lastAt = now;
}

/** Reads the send time out of a frame without parsing the whole JSON (the client must stay cheap). */
function onFrame(data) {
  const at = data.indexOf(MARKER);
  if (at < 0) return;
  const now = Date.now();
  let i = at + MARKER.length;
  while (data[i] !== 0x3a) i++; // skip the message number up to ':'
  let sentAt = 0;
  for (i++; data[i] >= 0x30 && data[i] <= 0x39; i++) sentAt = sentAt * 10 + (data[i] - 0x30);
  record(now - sentAt, data.length, now);
}

function open(url, token) {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { perMessageDeflate: false });
    let done = false;
    const finish = (ok, why) => {
      if (done) return;
      done = true;
      resolve({ ok, why, socket });
    };
    socket.on('open', () => socket.send(JSON.stringify({ type: 'auth', token })));
    socket.on('message', (data) => {
      if (!done && data.indexOf(READY) >= 0) finish(true);
      else onFrame(data);
    });
    socket.on('error', (err) => finish(false, err.message));
    socket.on('close', (code) => {
      closes.set(code, (closes.get(code) ?? 0) + 1);
      finish(false, `closed ${code}`);
    });
  });
}

async function connect({ url, tokensFile, concurrency }) {
  const tokens = JSON.parse(readFileSync(tokensFile, 'utf8'));
  closes.clear();
  const started = Date.now();
  let nextIndex = 0;
  let failed = 0;
  const errors = [];
  const worker = async () => {
    while (nextIndex < tokens.length) {
      const token = tokens[nextIndex++];
      const result = await open(url, token);
      if (result.ok) sockets.push(result.socket);
      else {
        failed++;
        if (errors.length < 5) errors.push(result.why);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { ok: sockets.length, failed, errors, ms: Date.now() - started };
}

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Waits until `expected` deliveries arrived, or none arrived for `quietMs`, or `maxMs` passed. */
async function finish({ expected, quietMs, maxMs }) {
  const deadline = Date.now() + maxMs;
  let seen = -1;
  let quietSince = Date.now();
  while (step.deliveries < expected && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    if (step.deliveries !== seen) {
      seen = step.deliveries;
      quietSince = Date.now();
    } else if (Date.now() - quietSince > quietMs) break;
  }
  const sorted = step.latencies.slice(0, step.deliveries).sort();
  const open = sockets.filter((s) => s.readyState === WebSocket.OPEN).length;
  return {
    deliveries: step.deliveries,
    firstAt: step.firstAt,
    lastAt: step.lastAt,
    frameBytes: step.deliveries ? Math.round(step.bytes / step.deliveries) : 0,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: percentile(sorted, 100),
    open,
    closes: Object.fromEntries(closes),
  };
}

async function closeAll() {
  const closing = sockets.map(
    (s) =>
      new Promise((resolve) => {
        if (s.readyState === WebSocket.CLOSED) return resolve();
        s.once('close', resolve);
        s.terminate();
      }),
  );
  await Promise.all(closing);
  sockets = [];
}

process.on('message', async (msg) => {
  try {
    if (msg.cmd === 'connect') process.send({ id: msg.id, result: await connect(msg) });
    else if (msg.cmd === 'start') {
      step = newStep();
      process.send({ id: msg.id, result: true });
    } else if (msg.cmd === 'finish') process.send({ id: msg.id, result: await finish(msg) });
    else if (msg.cmd === 'close') {
      await closeAll();
      process.send({ id: msg.id, result: true });
    } else if (msg.cmd === 'exit') process.exit(0);
  } catch (err) {
    process.send({ id: msg.id, error: String(err?.stack ?? err) });
  }
});
