/** How the guest chat reads conversation events beyond the messages themselves. */
import type { ConversationEvent } from '@concord/protocol';

/** The guest was removed from the group (or left it from another tab). */
export function removesMember(event: ConversationEvent, memberId: string): boolean {
  if (event.type !== 'conversation.member_removed') return false;
  const ids = event.payload.memberIds;
  return (Array.isArray(ids) && ids.includes(memberId)) || event.payload.memberId === memberId;
}

/** Events after which the group's header (name, size, status) is read again. */
export function changesGroup(event: ConversationEvent): boolean {
  return event.type.startsWith('conversation.');
}

/** The newest seq among messages and events seen, for the read cursor. */
export function newestSeq(seqs: readonly number[]): number {
  return seqs.reduce((max, s) => (s > max ? s : max), 0);
}
