/**
 * Domain events: features announce what happened; other features react without importing
 * each other. In-process by default; `bus-redis.ts` has the same shape and fans out across nodes.
 */
export type DomainEvent = {
  type: string;
  orgId: string;
  at: string;
  actorId?: string | null;
  data: Record<string, unknown>;
};

export type EventHandler = (event: DomainEvent) => void | Promise<void>;

export type EventBus = {
  emit(event: DomainEvent): void;
  on(type: string, handler: EventHandler): () => void;
  /** Resolves when every handler started so far has finished; tests await it. */
  drain(): Promise<void>;
  /** Waits for running handlers and releases connections; no events are delivered afterwards. */
  close(): Promise<void>;
};

/** Delivers events to handlers in this process, after the emitting call returns. */
export function createInProcessBus(onError: (err: unknown, event: DomainEvent) => void): EventBus {
  const handlers = new Map<string, Set<EventHandler>>();
  const pending = new Set<Promise<void>>();
  return {
    emit(event) {
      for (const handler of [...(handlers.get(event.type) ?? []), ...(handlers.get('*') ?? [])]) {
        // setImmediate, not a microtask: the caller's own I/O (the HTTP reply of a send) goes out
        // before handlers such as the realtime fan-out to thousands of sockets run.
        const run = new Promise<void>((resolve) => setImmediate(resolve))
          .then(() => handler(event))
          .catch((err: unknown) => onError(err, event))
          .finally(() => pending.delete(run));
        pending.add(run);
      }
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
    async drain() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    async close() {
      await this.drain();
      handlers.clear();
    },
  };
}
