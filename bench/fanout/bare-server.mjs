// Baseline for the fanout benchmark: a bare `ws` server, no store, no auth checks. Clients sign in
// with the same first `auth` frame and get `ready`; POST /broadcast {clientMsgId, body} builds a
// frame shaped like Concord's message.created event and sends it to every connected socket.
// Usage: node bare-server.mjs <port>; prints `listening <port>` when ready.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../../server/package.json', import.meta.url));
const { WebSocketServer } = require('ws');

const port = Number(process.argv[2] ?? 0);
const conversationId = randomUUID();
const sender = { id: randomUUID(), name: 'Bench Owner' };
let seq = 0;
const signedIn = new Set();

const server = createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/broadcast') {
    res.writeHead(404).end();
    return;
  }
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const input = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    const at = new Date().toISOString();
    seq++;
    const message = {
      id: randomUUID(),
      conversationId,
      seq,
      sender,
      kind: 'text',
      body: input.body,
      mentions: [],
      mentionAll: false,
      replyTo: null,
      createdAt: at,
      editedAt: null,
      recalledAt: null,
      clientMsgId: input.clientMsgId,
    };
    const event = {
      conversationId,
      seq,
      type: 'message.created',
      actorId: sender.id,
      messageId: message.id,
      payload: message,
      at,
    };
    // Serialised once, like Concord's fan-out.
    const text = JSON.stringify({ type: 'event', event });
    res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify(message));
    for (const socket of signedIn) if (socket.readyState === 1) socket.send(text);
  });
});

const wss = new WebSocketServer({ server, path: '/api/v1/ws', perMessageDeflate: false });
wss.on('connection', (socket) => {
  socket.once('message', (data) => {
    const frame = JSON.parse(String(data));
    if (frame.type !== 'auth' || typeof frame.token !== 'string') {
      socket.close(4401, 'sign in first');
      return;
    }
    signedIn.add(socket);
    socket.send(JSON.stringify({ type: 'ready', memberId: frame.token.slice(0, 12) }));
  });
  socket.on('close', () => signedIn.delete(socket));
  socket.on('error', () => undefined);
});

server.listen(port, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
