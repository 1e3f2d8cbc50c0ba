/** The generated org and its messages, in time order (the same for every store in a run). */
import { makeOrg, nextMessage, prng } from './corpus.mjs';
import { DOC_SLOTS, docIdFloor, docText } from './server-modules.mjs';
import { log, N, SEED, SPAN, START } from './settings.mjs';

export const random = prng(SEED);
export const org = makeOrg(random);
log(
  `${N.toLocaleString()} messages, ${org.people.length} members, ${org.chats.length} conversations, ${org.guests.length} guests`,
);
export const times = new Float64Array(N);
for (let i = 0; i < N; i++) times[i] = START + Math.floor(random() * SPAN);
times.sort();
export const NOW = new Date(START + SPAN).toISOString();

/** The rows of every message, in time order, generated on the fly (10 M do not fit in memory as objects). */
export function* messages() {
  const r = prng(SEED + 1);
  let lastFloor = -1;
  let slot = 0;
  for (let i = 0; i < N; i++) {
    const { chat, sender, text } = nextMessage(org, r);
    const at = new Date(times[i]).toISOString();
    const floor = docIdFloor(at);
    slot = floor === lastFloor ? slot + 1 : 0;
    lastFloor = floor;
    const departments = sender.department ? [sender.department] : [];
    const guestIds = chat.guests.map((g) => g.id).sort();
    const doc = docText({
      at,
      conversationId: chat.id,
      senderId: sender.id,
      external: chat.kind === 'external',
      departmentIds: departments,
      guestIds,
      pieces: [text],
    });
    const recordId = `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`;
    const messageId = `10000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`;
    yield {
      docId: floor + Math.min(slot, DOC_SLOTS - 1),
      seq: i + 1,
      at,
      recordId,
      messageId,
      chat,
      sender,
      text,
      doc,
      departments: JSON.stringify(departments),
      guests: JSON.stringify(guestIds),
      content: JSON.stringify({
        attachment: null,
        body: text,
        kind: 'text',
        mentionAll: false,
        mentions: [],
        messageId,
        replyToId: null,
        sender: { id: sender.id, name: sender.name },
      }),
    };
  }
}

export const directKey = (chat) =>
  chat.kind === 'direct'
    ? chat.members
        .map((m) => m.id)
        .sort()
        .join(':')
    : null;
