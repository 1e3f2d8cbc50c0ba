/** The input box: Enter sends, Shift+Enter breaks the line, @ lists members, reply preview above. */
import { CloseOutlined } from '@ant-design/icons';
import { MESSAGING_LIMITS } from '@concord/protocol';
import { App, Button, Mentions } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationDetail } from './api';
import { ALL_ID, activeMentionQuery, type PickedMention, resolveMentions } from './mentions';
import type { ChatMessage } from './message-cache';
import { useSend } from './outbox';
import { useRealtime } from './realtime-context';

const TYPING_EVERY_MS = 3000;

export function Composer({
  conversation,
  meId,
  replyTo,
  onCancelReply,
}: {
  conversation: ConversationDetail;
  meId: string;
  replyTo: ChatMessage | null;
  onCancelReply: () => void;
}) {
  const { t } = useTranslation('messages');
  const { message } = App.useApp();
  const send = useSend();
  const { client } = useRealtime();
  const [text, setText] = useState('');
  const [picked, setPicked] = useState<PickedMention[]>([]);
  const lastTyping = useRef(0);
  const manager = conversation.myRole === 'owner' || conversation.myRole === 'admin';
  const allLabel = t('composer.all');

  const options = useMemo(
    () => [
      ...(manager && conversation.kind !== 'direct' ? [{ key: ALL_ID, value: allLabel, label: allLabel }] : []),
      ...conversation.members.filter((m) => m.id !== meId).map((m) => ({ key: m.id, value: m.name, label: m.name })),
    ],
    [conversation.members, conversation.kind, manager, meId, allLabel],
  );

  const submit = () => {
    const body = text.trim();
    if (!body) return;
    if (body.length > MESSAGING_LIMITS.messageBodyMax) {
      message.error(t('composer.tooLong', { max: MESSAGING_LIMITS.messageBodyMax }));
      return;
    }
    const { mentions, mentionAll } = resolveMentions(body, picked, allLabel, manager);
    void send({
      conversationId: conversation.id,
      clientMsgId: crypto.randomUUID(),
      body,
      mentions: mentions.length > 0 ? mentions : undefined,
      mentionAll: mentionAll || undefined,
      replyToId: replyTo?.id,
      createdAt: new Date().toISOString(),
      replyPreview: replyTo ? { senderName: replyTo.sender?.name ?? null, body: replyTo.body } : null,
    });
    setText('');
    setPicked([]);
    onCancelReply();
  };

  if (conversation.status === 'dissolved') {
    return (
      <div style={{ padding: 16, textAlign: 'center', color: '#8c8c8c', borderTop: '1px solid #f0f0f0' }}>
        {t('composer.disabled')}
      </div>
    );
  }

  return (
    <div style={{ borderTop: '1px solid #f0f0f0', padding: 8, background: '#fff' }}>
      {replyTo ? (
        <div
          data-testid="reply-preview"
          style={{
            display: 'flex',
            alignItems: 'center',
            gap: 8,
            background: '#f5f5f5',
            padding: '4px 8px',
            marginBottom: 6,
            borderRadius: 4,
            fontSize: 12,
            color: '#595959',
          }}
        >
          <span style={{ flex: 1, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
            {t('composer.replyTo', { name: replyTo.sender?.name ?? t('message.unknownSender') })}
            {replyTo.body}
          </span>
          <Button
            size="small"
            type="text"
            icon={<CloseOutlined />}
            aria-label={t('composer.cancelReply')}
            onClick={onCancelReply}
          />
        </div>
      ) : null}
      <div style={{ display: 'flex', gap: 8, alignItems: 'flex-end' }}>
        <Mentions
          aria-label={t('composer.placeholder')}
          placeholder={t('composer.placeholder')}
          autoSize={{ minRows: 2, maxRows: 6 }}
          value={text}
          options={options}
          onChange={(value) => {
            setText(value);
            const now = Date.now();
            if (value && now - lastTyping.current > TYPING_EVERY_MS) {
              lastTyping.current = now;
              client?.sendTyping(conversation.id);
            }
          }}
          onSelect={(option) => {
            // antd rewrites option keys, so the id is found again by the inserted name.
            const id = options.find((o) => o.value === option.value)?.key;
            if (id && option.value) setPicked((p) => [...p, { id, name: String(option.value) }]);
          }}
          onKeyDown={(e) => {
            if (e.key !== 'Enter' || e.shiftKey || e.nativeEvent.isComposing) return;
            const el = e.currentTarget;
            // While the @ list is open, Enter picks a member instead of sending.
            const query = activeMentionQuery(el.value, el.selectionStart ?? el.value.length);
            if (query !== null && options.some((o) => o.value.includes(query))) return;
            e.preventDefault();
            submit();
          }}
          style={{ flex: 1 }}
        />
        <Button type="primary" onClick={submit} disabled={!text.trim()}>
          {t('composer.send')}
        </Button>
      </div>
    </div>
  );
}
