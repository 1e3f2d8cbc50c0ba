/**
 * Keeps a conversation's consent banner current without polling: an external participant's
 * answer arrives as a `consent` frame, a membership change as a notice event, and anything
 * missed while the socket was down is fetched again when it is back.
 */
import type { ConversationEvent, ServerFrame } from '@concord/protocol';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useNoticeEvents } from '../messages/api';
import { useRealtime } from '../messages/realtime-context';
import { consentKeys } from './consent-api';

const MEMBERSHIP = new Set(['conversation.member_added', 'conversation.member_removed']);

/** True when the frame reports a consent change in this conversation. */
export const consentFrameFor = (frame: ServerFrame, conversationId: string): boolean =>
  frame.type === 'consent' && frame.conversationId === conversationId;

/** The seq of the latest membership change received, or null before any. */
export function lastMembershipSeq(events: readonly ConversationEvent[]): number | null {
  let last: number | null = null;
  for (const e of events) if (MEMBERSHIP.has(e.type) && (last === null || e.seq > last)) last = e.seq;
  return last;
}

export function useLiveConsent(conversationId: string): void {
  const queryClient = useQueryClient();
  const { client, online } = useRealtime();
  const membershipSeq = lastMembershipSeq(useNoticeEvents(conversationId));

  useEffect(() => {
    if (!client) return;
    return client.listen((frame) => {
      if (consentFrameFor(frame, conversationId))
        void queryClient.invalidateQueries({ queryKey: consentKeys.conversation(conversationId) });
    });
  }, [client, conversationId, queryClient]);

  const seen = useRef({ membershipSeq, online });
  useEffect(() => {
    const before = seen.current;
    seen.current = { membershipSeq, online };
    const joinedOrLeft = membershipSeq !== null && membershipSeq !== before.membershipSeq;
    const reconnected = online && !before.online;
    if (joinedOrLeft || reconnected)
      void queryClient.invalidateQueries({ queryKey: consentKeys.conversation(conversationId) });
  }, [membershipSeq, online, conversationId, queryClient]);
}
