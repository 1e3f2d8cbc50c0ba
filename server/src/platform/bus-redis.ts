/**
 * The event bus across nodes: `emit` publishes to one Redis pub/sub channel and every node,
 * the emitting one included, runs its handlers when the message comes back from its
 * subscription, so each node handles each event exactly once and all nodes see one order
 * per publisher. Redis pub/sub is at-most-once: a node that is disconnected misses events,
 * which is why realtime clients resume from the conversation event log, not from the bus.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { DomainEvent, EventBus, EventHandler } from './bus.js';

export type RedisBusOptions = {
  url: string;
  /** Channel prefix; nodes of one deployment share it, parallel test runs use their own. */
  prefix: string;
  onError: (err: unknown, event: DomainEvent | null) => void;
};

type Envelope = { node: string; id: number; event: DomainEvent };

function isEnvelope(value: unknown): value is Envelope {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const event = v.event as Record<string, unknown> | null | undefined;
  return (
    typeof v.node === 'string' &&
    typeof v.id === 'number' &&
    typeof event === 'object' &&
    event !== null &&
    typeof event.type === 'string' &&
    typeof event.orgId === 'string'
  );
}

/** The channel events travel on for a prefix. */
export const eventChannel = (prefix: string): string => `${prefix}:events`;

/** Connects publisher and subscriber and resolves once this node is subscribed. */
export async function createRedisBus(options: RedisBusOptions): Promise<EventBus> {
  const channel = eventChannel(options.prefix);
  const node = randomUUID();
  const redisOptions = { lazyConnect: true, maxRetriesPerRequest: null } as const;
  const publisher = new Redis(options.url, redisOptions);
  const subscriber = new Redis(options.url, redisOptions);
  publisher.on('error', (err) => options.onError(err, null));
  subscriber.on('error', (err) => options.onError(err, null));
  await Promise.all([publisher.connect(), subscriber.connect()]);
  await subscriber.subscribe(channel);

  const handlers = new Map<string, Set<EventHandler>>();
  const running = new Set<Promise<void>>();
  // Events this node published that have not come back yet: drain() waits for them too.
  const inFlight = new Set<number>();
  let idle: Array<() => void> = [];
  let nextId = 0;
  let closed = false;

  const settle = () => {
    if (inFlight.size > 0 || running.size > 0) return;
    const waiting = idle;
    idle = [];
    for (const resolve of waiting) resolve();
  };

  const dispatch = (event: DomainEvent) => {
    for (const handler of [...(handlers.get(event.type) ?? []), ...(handlers.get('*') ?? [])]) {
      const run: Promise<void> = Promise.resolve()
        .then(() => handler(event))
        .catch((err: unknown) => options.onError(err, event))
        .finally(() => {
          running.delete(run);
          settle();
        });
      running.add(run);
    }
  };

  subscriber.on('message', (from: string, text: string) => {
    if (from !== channel || closed) return;
    let envelope: unknown;
    try {
      envelope = JSON.parse(text);
    } catch (err) {
      options.onError(err, null);
      return;
    }
    if (!isEnvelope(envelope)) return;
    dispatch(envelope.event);
    if (envelope.node === node) inFlight.delete(envelope.id);
    settle();
  });

  const bus: EventBus = {
    emit(event) {
      if (closed) return;
      const id = nextId++;
      inFlight.add(id);
      const envelope: Envelope = { node, id, event };
      publisher.publish(channel, JSON.stringify(envelope)).catch((err: unknown) => {
        inFlight.delete(id);
        options.onError(err, event);
        settle();
      });
    },
    on(type, handler) {
      let set = handlers.get(type);
      if (!set) {
        set = new Set();
        handlers.set(type, set);
      }
      set.add(handler);
      return () => set.delete(handler);
    },
    drain() {
      if (inFlight.size === 0 && running.size === 0) return Promise.resolve();
      return new Promise<void>((resolve) => idle.push(resolve));
    },
    async close() {
      if (closed) return;
      await bus.drain();
      closed = true;
      handlers.clear();
      await Promise.allSettled([subscriber.quit(), publisher.quit()]);
    },
  };
  return bus;
}
