/** /messages and /messages/:conversationId: WeCom-style list + conversation (one at a time on phones). */
import { useQueryClient } from '@tanstack/react-query';
import { App, Grid } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useMe } from '../../app/auth/use-me';
import { Loading } from '../../components/page-state';
import { errorText } from '../../lib/api/error-text';
import { joinByInvite, keys, useConversations } from './api';
import { ConversationListPane } from './conversation-list-pane';
import { ConversationPane } from './conversation-pane';
import { CreateConversationModal } from './create-conversation-modal';
import { useRealtime } from './realtime-context';

// The live feed (RealtimeProvider) runs around the whole console, see app/router.tsx.
export function MessagesPage() {
  const { t } = useTranslation('messages');
  const { conversationId } = useParams();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  const me = useMe().data;
  const [creating, setCreating] = useState<'group' | 'direct' | null>(null);
  const { client } = useRealtime();
  const list = useConversations();
  useJoinFromLink();

  // Conversations we know of resume from their last seq after a reconnect.
  useEffect(() => {
    if (client && list.data) client.seed(Object.fromEntries(list.data.items.map((c) => [c.id, c.lastSeq])));
  }, [client, list.data]);

  const open = (id: string) => navigate(`/messages/${id}`);
  const showList = !narrow || !conversationId;
  const showPane = !narrow || Boolean(conversationId);

  return (
    <div
      style={{
        display: 'flex',
        height: narrow ? 'calc(100vh - 72px)' : 'calc(100vh - 88px)',
        background: '#fff',
        border: '1px solid #f0f0f0',
        borderRadius: 4,
        overflow: 'hidden',
      }}
    >
      {showList ? (
        <div
          style={{
            width: narrow ? '100%' : 300,
            flex: 'none',
            borderRight: narrow ? undefined : '1px solid #f0f0f0',
            minHeight: 0,
          }}
        >
          <ConversationListPane selectedId={conversationId} onSelect={open} onCreate={setCreating} />
        </div>
      ) : null}
      {showPane ? (
        <div style={{ flex: 1, minWidth: 0, minHeight: 0 }}>
          {!me ? (
            <Loading />
          ) : conversationId ? (
            <ConversationPane
              conversationId={conversationId}
              meId={me.member.id}
              onBack={narrow ? () => navigate('/messages') : undefined}
            />
          ) : (
            <div
              style={{
                height: '100%',
                display: 'flex',
                alignItems: 'center',
                justifyContent: 'center',
                color: '#8c8c8c',
                background: '#f5f6f7',
              }}
            >
              {t('conversation.pick')}
            </div>
          )}
        </div>
      ) : null}
      <CreateConversationModal
        kind={creating}
        onClose={() => setCreating(null)}
        onCreated={(id) => {
          setCreating(null);
          open(id);
        }}
      />
    </div>
  );
}

/** `/messages?join=<code>`: join the group of an invite link and open it. */
function useJoinFromLink() {
  const { t } = useTranslation('messages');
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const code = params.get('join');
  const started = useRef<string | null>(null);
  useEffect(() => {
    if (!code || started.current === code) return;
    started.current = code;
    const hide = message.loading(t('join.joining'));
    joinByInvite(code)
      .then(async (result) => {
        hide();
        message.success(t('join.joined'));
        await queryClient.invalidateQueries({ queryKey: keys.list });
        navigate(`/messages/${result.id}`, { replace: true });
      })
      .catch((error: unknown) => {
        hide();
        message.error(t('join.failed', { reason: errorText(t, error) }));
        navigate('/messages', { replace: true });
      });
  }, [code, message, navigate, queryClient, t]);
}
