/**
 * Runs one RealtimeClient for the signed-in console (every page, so other features can listen to
 * its frames, e.g. compliance alerts) and feeds its conversation events into the query cache.
 */
import type { ConversationEvent } from '@concord/protocol';
import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { getToken, setToken } from '../../app/auth/token-store';
import { keys } from './api';
import { applyEventToWindow, type MessageWindow } from './message-cache';
import { addNoticeEvent, isNoticeEvent } from './notices';
import { RealtimeClient } from './realtime-client';

const TYPING_SHOWN_MS = 4000;

type Typing = Record<string, { memberId: string; until: number }>;
type RealtimeValue = { client: RealtimeClient | null; online: boolean; typing: Typing };

const RealtimeContext = createContext<RealtimeValue>({ client: null, online: true, typing: {} });

export const useRealtime = () => useContext(RealtimeContext);

function applyToCache(queryClient: QueryClient, events: ConversationEvent[]) {
  const touched = new Set<string>();
  for (const event of events) {
    const key = keys.window(event.conversationId);
    if (queryClient.getQueryData<MessageWindow>(key)) {
      queryClient.setQueryData<MessageWindow>(key, (window) => (window ? applyEventToWindow(window, event) : window));
    } else if (queryClient.getQueryState(key)) {
      // The first page is still loading and may miss this event: load it again.
      void queryClient.invalidateQueries({ queryKey: key });
    }
    if (isNoticeEvent(event)) {
      touched.add(event.conversationId);
      queryClient.setQueryData<ConversationEvent[]>(keys.notices(event.conversationId), (list) =>
        addNoticeEvent(list ?? [], event),
      );
    }
  }
  for (const id of touched) void queryClient.invalidateQueries({ queryKey: keys.detail(id) });
  void queryClient.invalidateQueries({ queryKey: keys.list });
}

export function RealtimeProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [online, setOnline] = useState(true);
  const [typing, setTyping] = useState<Typing>({});
  const [client, setClient] = useState<RealtimeClient | null>(null);
  const clientRef = useRef<RealtimeClient | null>(null);

  useEffect(() => {
    const created = new RealtimeClient(getToken, {
      onEvents: (events) => {
        applyToCache(queryClient, events);
        // A message ends the sender's typing notice.
        setTyping((current) => {
          let next = current;
          for (const e of events)
            if (e.type === 'message.created' && current[e.conversationId]?.memberId === e.actorId) {
              next = { ...next };
              delete next[e.conversationId];
            }
          return next;
        });
      },
      onReceipt: (conversationId, memberId) => {
        void queryClient.invalidateQueries({ queryKey: ['messages', 'readers'] });
        if (memberId === clientRef.current?.memberId) void queryClient.invalidateQueries({ queryKey: keys.list });
        void conversationId;
      },
      onTyping: (conversationId, memberId) => {
        if (memberId === clientRef.current?.memberId) return;
        setTyping((current) => ({ ...current, [conversationId]: { memberId, until: Date.now() + TYPING_SHOWN_MS } }));
      },
      onStatus: setOnline,
      onSignedOut: () => setToken(null),
    });
    clientRef.current = created;
    setClient(created);
    created.start();
    return () => {
      created.stop();
      clientRef.current = null;
    };
  }, [queryClient]);

  // Typing notices fade out on their own.
  useEffect(() => {
    const ids = Object.keys(typing);
    if (ids.length === 0) return;
    const timer = setInterval(() => {
      const now = Date.now();
      setTyping((current) => {
        const alive = Object.entries(current).filter(([, v]) => v.until > now);
        return alive.length === Object.keys(current).length ? current : Object.fromEntries(alive);
      });
    }, 1000);
    return () => clearInterval(timer);
  }, [typing]);

  const value = useMemo(() => ({ client, online, typing }), [client, online, typing]);
  return <RealtimeContext.Provider value={value}>{children}</RealtimeContext.Provider>;
}
