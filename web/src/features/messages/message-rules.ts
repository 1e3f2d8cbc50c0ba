/** Which actions a member has on a message, from the limits the server enforces (MESSAGING_LIMITS). */
import { MESSAGING_LIMITS } from '@concord/protocol';
import type { ChatMessage } from './message-cache';

type Rated = Pick<ChatMessage, 'sender' | 'recalledAt' | 'createdAt' | 'kind'>;

const ageMs = (message: Rated, now: number) => now - new Date(message.createdAt).getTime();

/** The sender, within the recall window (owners and admins may recall at any time on the server). */
export function canRecall(message: Rated, meId: string, now: number): boolean {
  return (
    message.sender?.id === meId &&
    !message.recalledAt &&
    ageMs(message, now) < MESSAGING_LIMITS.recallWindowSeconds * 1000
  );
}

/** The sender of a text message, within the edit window. */
export function canEdit(message: Rated, meId: string, now: number): boolean {
  return (
    message.kind === 'text' &&
    message.sender?.id === meId &&
    !message.recalledAt &&
    ageMs(message, now) < MESSAGING_LIMITS.editWindowSeconds * 1000
  );
}

/** The edit window in whole hours, for the message shown once it has passed. */
export const EDIT_WINDOW_HOURS = Math.floor(MESSAGING_LIMITS.editWindowSeconds / 3600);
