import type { ConversationEvent } from '@concord/protocol';
import { describe, expect, it } from 'vitest';
import { changesGroup, newestSeq, removesMember } from './guest-events';

const event = (type: ConversationEvent['type'], payload: Record<string, unknown>): ConversationEvent => ({
  conversationId: 'c',
  seq: 5,
  type,
  actorId: null,
  messageId: null,
  payload,
  at: '2026-11-23T00:00:00.000Z',
});

describe('guest chat events', () => {
  it('notices the guest’s own removal only', () => {
    expect(removesMember(event('conversation.member_removed', { memberIds: ['g1'] }), 'g1')).toBe(true);
    expect(removesMember(event('conversation.member_removed', { memberIds: ['m2'] }), 'g1')).toBe(false);
    expect(removesMember(event('message.created', { memberIds: ['g1'] }), 'g1')).toBe(false);
  });

  it('reloads the header on group changes, not on messages', () => {
    expect(changesGroup(event('conversation.updated', {}))).toBe(true);
    expect(changesGroup(event('message.created', {}))).toBe(false);
  });

  it('finds the newest seq', () => {
    expect(newestSeq([3, 9, 4])).toBe(9);
    expect(newestSeq([])).toBe(0);
  });
});
