import type { ConversationEvent } from '@concord/protocol';
import { describe, expect, it } from 'vitest';
import { consentFrameFor, lastMembershipSeq } from './live-consent';

const event = (type: string, seq: number) => ({ type, seq, conversationId: 'c1' }) as unknown as ConversationEvent;

describe('live consent', () => {
  it('takes only consent frames of this conversation', () => {
    expect(consentFrameFor({ type: 'consent', conversationId: 'c1', subjectId: 'g1' }, 'c1')).toBe(true);
    expect(consentFrameFor({ type: 'consent', conversationId: 'c2', subjectId: 'g1' }, 'c1')).toBe(false);
    expect(consentFrameFor({ type: 'pong' }, 'c1')).toBe(false);
  });

  it('follows the latest membership change and ignores other notices', () => {
    expect(lastMembershipSeq([])).toBeNull();
    expect(lastMembershipSeq([event('conversation.updated', 9)])).toBeNull();
    const events = [
      event('conversation.member_added', 4),
      event('conversation.member_removed', 7),
      event('conversation.updated', 9),
    ];
    expect(lastMembershipSeq(events)).toBe(7);
  });
});
