import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { DomainEvent, EventBus } from './bus.js';
import { createRedisBus } from './bus-redis.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('Redis event bus', () => {
  const buses: EventBus[] = [];
  const errors: unknown[] = [];
  const open = async (prefix: string) => {
    const bus = await createRedisBus({ url: REDIS_URL, prefix, onError: (err) => errors.push(err) });
    buses.push(bus);
    return bus;
  };
  afterEach(async () => {
    await Promise.all(buses.splice(0).map((b) => b.close()));
    expect(errors).toEqual([]);
  });

  const event = (n: number): DomainEvent => ({
    type: 'message.created',
    orgId: 'org',
    at: '2026-01-01T00:00:00.000Z',
    actorId: null,
    data: { n, text: '你好' },
  });

  it('delivers an event emitted on one node exactly once on that node and once on the other, in order', async () => {
    const prefix = `test-${randomUUID()}`;
    const a = await open(prefix);
    const b = await open(prefix);
    const seenA: number[] = [];
    const seenB: number[] = [];
    a.on('message.created', (e) => {
      seenA.push(e.data.n as number);
    });
    b.on('message.created', (e) => {
      seenB.push(e.data.n as number);
    });
    for (let n = 0; n < 50; n++) a.emit(event(n));
    await a.drain();
    // Redis keeps one order per channel: once b's own marker is back, a's events reached b too.
    b.emit({ ...event(-1), type: 'marker' });
    await b.drain();
    expect(seenA).toEqual(Array.from({ length: 50 }, (_, n) => n));
    expect(seenB).toEqual(seenA);
  });

  it('drain waits for handlers started by received events, including async ones', async () => {
    const prefix = `test-${randomUUID()}`;
    const a = await open(prefix);
    let finished = 0;
    a.on('*', async () => {
      await new Promise((r) => setTimeout(r, 5));
      finished++;
    });
    a.emit(event(1));
    a.emit(event(2));
    await a.drain();
    expect(finished).toBe(2);
  });

  it('keeps buses with different prefixes apart', async () => {
    const a = await open(`test-${randomUUID()}`);
    const b = await open(`test-${randomUUID()}`);
    let crossed = 0;
    b.on('*', () => {
      crossed++;
    });
    a.emit(event(1));
    await a.drain();
    b.emit(event(2));
    await b.drain();
    expect(crossed).toBe(1);
  });
});
