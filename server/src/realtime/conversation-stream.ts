/**
 * Exactly-once, in-order delivery of one conversation's events to one socket. `delivered` is the
 * last seq sent. A live event with the next seq goes straight out; an older one is a duplicate and
 * is dropped; a newer one means something is missing (the bus reordered, dropped, or the socket
 * resumed from an older cursor), so the stream replays the missing range from the event log and
 * buffers live events meanwhile. Seqs are assigned under the conversation's row lock and events are
 * published after commit, so when event N arrives every event before N is already in the log.
 */
import type { ConversationEvent } from '@concord/protocol';

/** A live event, with its frame text serialised once for every socket it goes to. */
export type LiveEvent = { event: ConversationEvent; text: string | null };

export type StreamIo = {
  /** Up to `pageSize` events with seq > `afterSeq`, oldest first. */
  fetchAfter(afterSeq: number, pageSize: number): Promise<ConversationEvent[]>;
  send(event: LiveEvent): void;
  /** The log had no event to fill a gap; delivery skips ahead (should never happen). */
  onSkip(from: number, to: number): void;
};

export class ConversationStream {
  private buffer: LiveEvent[] = [];
  private running: Promise<void> | null = null;
  private rewindTo: number | null = null;

  constructor(
    public delivered: number,
    private readonly io: StreamIo,
    private readonly pageSize = 500,
  ) {}

  /** True while a replay runs (live events wait in the buffer). */
  get catchingUp(): boolean {
    return this.running !== null;
  }

  /** Hands over a live event; resolves when it (or the replay it triggered) has been sent. */
  offer(live: LiveEvent): Promise<void> {
    if (this.running) {
      this.buffer.push(live);
      return this.running;
    }
    const { seq } = live.event;
    if (seq <= this.delivered) return Promise.resolve();
    if (seq === this.delivered + 1) {
      this.delivered = seq;
      this.io.send(live);
      return Promise.resolve();
    }
    this.buffer.push(live);
    return this.catchUp();
  }

  /** Replays everything after `cursor` (the client's last seen seq), then continues live. */
  resume(cursor: number): Promise<void> {
    if (this.running) {
      this.rewindTo = cursor;
      return this.running;
    }
    this.delivered = cursor;
    return this.catchUp();
  }

  private catchUp(): Promise<void> {
    const run = this.replayLoop().finally(() => {
      this.running = null;
    });
    this.running = run;
    return run;
  }

  private async replayLoop(): Promise<void> {
    // Rounds in a row whose replay found nothing while a gap stayed open.
    let emptyGapRounds = 0;
    for (;;) {
      if (this.rewindTo !== null) {
        this.delivered = this.rewindTo;
        this.rewindTo = null;
      }
      let replayed = 0;
      for (;;) {
        const page = await this.io.fetchAfter(this.delivered, this.pageSize);
        if (this.rewindTo !== null) break;
        for (const event of page) {
          if (event.seq <= this.delivered) continue;
          this.delivered = event.seq;
          this.io.send({ event, text: null });
          replayed++;
        }
        if (page.length < this.pageSize) break;
      }
      if (this.rewindTo !== null) continue;
      const gapAt = this.flushBuffer();
      // Checked with no await since the last statement, so nothing can slip into the buffer unseen.
      if (gapAt === null && this.buffer.length === 0 && this.rewindTo === null) return;
      emptyGapRounds = gapAt !== null && replayed === 0 ? emptyGapRounds + 1 : 0;
      // The first empty round may have read the log before the missing event committed; the second
      // read began after the newer event was buffered, so the missing one would be there by now.
      if (gapAt !== null && emptyGapRounds >= 2) {
        this.io.onSkip(this.delivered, gapAt - 1);
        this.delivered = gapAt - 1;
        emptyGapRounds = 0;
      }
    }
  }

  /** Sends buffered events that follow `delivered`; returns the seq where a gap starts, if any. */
  private flushBuffer(): number | null {
    const pending = this.buffer.sort((a, b) => a.event.seq - b.event.seq);
    this.buffer = [];
    for (let i = 0; i < pending.length; i++) {
      const live = pending[i] as LiveEvent;
      const { seq } = live.event;
      if (seq <= this.delivered) continue;
      if (seq === this.delivered + 1) {
        this.delivered = seq;
        this.io.send(live);
        continue;
      }
      this.buffer = pending.slice(i);
      return seq;
    }
    return null;
  }
}
