import type { ConversationEvent } from '@concord/protocol';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConversationStream, type LiveEvent } from './conversation-stream.js';

const event = (seq: number): ConversationEvent => ({
  conversationId: 'c',
  seq,
  type: 'message.created',
  actorId: null,
  messageId: null,
  payload: {},
  at: '2026-01-01T00:00:00.000Z',
});
const live = (seq: number): LiveEvent => ({ event: event(seq), text: null });
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A log holding seqs 1..committed, read asynchronously, and a stream that records what it sent. */
function harness(start: number, committed: number, pageSize = 3) {
  const log = { committed };
  const sent: number[] = [];
  const stream = new ConversationStream(
    start,
    {
      async fetchAfter(after, size) {
        await tick();
        const out: ConversationEvent[] = [];
        for (let s = after + 1; s <= log.committed && out.length < size; s++) out.push(event(s));
        return out;
      },
      send: (l) => sent.push(l.event.seq),
      onSkip: () => {
        throw new Error('skipped');
      },
    },
    pageSize,
  );
  return { stream, sent, log };
}

describe('conversation stream', () => {
  it('sends the next seq at once and drops repeats', async () => {
    const { stream, sent } = harness(4, 6);
    await stream.offer(live(5));
    await stream.offer(live(5));
    await stream.offer(live(3));
    await stream.offer(live(6));
    expect(sent).toEqual([5, 6]);
  });

  it('fills a gap from the log before a newer live event', async () => {
    const { stream, sent } = harness(1, 8);
    await stream.offer(live(8));
    expect(sent).toEqual([2, 3, 4, 5, 6, 7, 8]);
  });

  it('replays after a cursor in pages while live events keep coming, each exactly once and in order', async () => {
    const { stream, sent, log } = harness(10, 10);
    const done = stream.resume(2);
    for (let s = 11; s <= 15; s++) {
      log.committed = s;
      void stream.offer(live(s));
      await tick();
    }
    await done;
    expect(sent).toEqual(Array.from({ length: 13 }, (_, i) => i + 3));
  });

  it('delivers every seq exactly once in order whatever order and repeats the live events come in', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 30 }),
        fc.array(fc.integer({ min: 1, max: 30 }), { maxLength: 60 }),
        fc.option(fc.integer({ min: 0, max: 30 })),
        async (total, noise, resumeAt) => {
          const { stream, sent, log } = harness(0, 0);
          const arrivals = [...Array.from({ length: total }, (_, i) => i + 1), ...noise.filter((n) => n <= total)];
          // Shuffle deterministically by the noise, then offer, committing before publishing.
          arrivals.sort((a, b) => ((a * 7919 + b) % 13) - 6);
          const runs: Promise<void>[] = [];
          arrivals.forEach((seq, i) => {
            log.committed = Math.max(log.committed, seq);
            runs.push(stream.offer(live(seq)));
            if (resumeAt !== null && i === Math.floor(arrivals.length / 2))
              runs.push(stream.resume(Math.min(resumeAt, stream.delivered)));
          });
          await Promise.all(runs);
          // Every seq arrives, in steps of one; only the resume may step back once (a replay).
          expect(new Set(sent)).toEqual(new Set(Array.from({ length: total }, (_, i) => i + 1)));
          expect(stream.delivered).toBe(total);
          const stepsBack = sent.filter((seq, i) => i > 0 && seq !== (sent[i - 1] ?? 0) + 1);
          expect(stepsBack.length).toBeLessThanOrEqual(resumeAt === null ? 0 : 1);
          if (resumeAt === null) expect(sent).toEqual(Array.from({ length: total }, (_, i) => i + 1));
        },
      ),
      { numRuns: 200 },
    );
  });
});
