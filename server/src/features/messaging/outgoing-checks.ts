/**
 * Checks other features place on outgoing text (sent or edited) without messaging knowing them:
 * compliance registers its sensitive-content rules at start-up. A check may refuse the message
 * (throw a DomainError: nothing is stored), replace the text shown (the text as written is then
 * kept in `messages.original_body`, never presented), and act inside the message's transaction
 * once it is stored and again after the commit. Checks are held per bus, so every copy of a
 * context that shares the bus (a transaction's, setup's) runs the same checks.
 */
import type { Kysely } from 'kysely';
import type { Ctx } from '../../app/context.js';
import type { Actor } from '../../authz/actor.js';
import type { EventBus } from '../../platform/bus.js';
import type { ConversationTable, Database } from '../../platform/db/schema.js';

export type OutgoingMessage = {
  actor: Actor;
  conversation: ConversationTable;
  /** The text as written (already trimmed and length-checked); empty for an image or file sent without a caption. */
  body: string;
  source: 'send' | 'edit';
  /** The message being edited; null for a new message. */
  messageId: string | null;
};

export type StoredRef = { id: string; seq: number };

export type OutgoingVerdict = {
  /** The text to store and show; differs from the input when something was masked. */
  body: string;
  /** Runs in the message's transaction once it is stored (not for a retry that stored nothing). */
  stored?: (tx: Kysely<Database>, message: StoredRef) => Promise<void>;
  /** Runs after the commit. */
  committed?: () => void;
};

/** Returns null when it has nothing to say about the message. */
export type OutgoingCheck = (ctx: Ctx, message: OutgoingMessage) => Promise<OutgoingVerdict | null>;

export type CheckedText = {
  /** What recipients see. */
  body: string;
  /** The text as written when `body` differs from it; null otherwise. */
  originalBody: string | null;
  stored(tx: Kysely<Database>, message: StoredRef): Promise<void>;
  committed(): void;
};

const checks = new WeakMap<EventBus, OutgoingCheck[]>();

/** Adds a check every outgoing text of this server passes; call once at start-up. */
export function registerOutgoingCheck(ctx: Pick<Ctx, 'bus'>, check: OutgoingCheck): void {
  const list = checks.get(ctx.bus) ?? [];
  list.push(check);
  checks.set(ctx.bus, list);
}

/** Runs every registered check in order, each on the text the previous one left. */
export async function checkOutgoingText(ctx: Ctx, message: OutgoingMessage): Promise<CheckedText> {
  const verdicts: OutgoingVerdict[] = [];
  let body = message.body;
  for (const check of checks.get(ctx.bus) ?? []) {
    const verdict = await check(ctx, { ...message, body });
    if (!verdict) continue;
    verdicts.push(verdict);
    body = verdict.body;
  }
  return {
    body,
    originalBody: body === message.body ? null : message.body,
    async stored(tx, stored) {
      for (const v of verdicts) await v.stored?.(tx, stored);
    },
    committed() {
      for (const v of verdicts) v.committed?.();
    },
  };
}
