/** One message: sender, quoted reply, body, image or file (or 「某某撤回了一条消息」), and its action menu. */
import { EllipsisOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Avatar, Button, Dropdown, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/api/error-text';
import { hideMessage, keys, recallMessage } from './api';
import { AttachmentView } from './attachment-view';
import { applyEventToWindow, type ChatMessage, type MessageWindow, removeMessage } from './message-cache';
import { canEdit, canRecall } from './message-rules';

export function MessageBubble({
  message: m,
  continued,
  mine,
  conversationId,
  onReply,
  onReaders,
  onEdit,
}: {
  message: ChatMessage;
  continued: boolean;
  mine: boolean;
  myRole: string;
  conversationId: string;
  onReply: (message: ChatMessage) => void;
  onReaders: (message: ChatMessage) => void;
  onEdit: (message: ChatMessage) => void;
}) {
  const { t } = useTranslation('messages');
  const { message: toast, modal } = App.useApp();
  const queryClient = useQueryClient();
  const senderName = m.sender?.name ?? t('message.unknownSender');

  if (m.kind === 'system') return <SystemLine text={m.body} />;
  if (m.recalledAt) {
    return (
      <div
        style={{ textAlign: 'center', color: '#8c8c8c', fontSize: 12, margin: '8px 0' }}
        data-testid={`chat-message-${m.id}`}
      >
        {mine ? t('message.recalledMine') : t('message.recalled', { name: senderName })}
      </div>
    );
  }

  const updateWindow = (fn: (w: MessageWindow) => MessageWindow) =>
    queryClient.setQueryData<MessageWindow>(keys.window(conversationId), (w) => (w ? fn(w) : w));

  const recall = async () => {
    try {
      const result = await recallMessage(m.id);
      const recalledAt = (result as { recalledAt?: string | null }).recalledAt ?? new Date().toISOString();
      updateWindow((w) =>
        applyEventToWindow(w, {
          conversationId,
          seq: 0,
          type: 'message.recalled',
          actorId: null,
          messageId: m.id,
          payload: { messageId: m.id, recalledAt },
          at: recalledAt,
        }),
      );
      toast.success(t('message.recallDone'));
    } catch (error) {
      toast.error(errorText(t, error));
    }
  };

  const remove = () =>
    modal.confirm({
      title: t('message.delete'),
      content: t('message.deleteConfirm'),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await hideMessage(m.id);
          updateWindow((w) => removeMessage(w, m.id));
          toast.success(t('message.deleteDone'));
        } catch (error) {
          toast.error(errorText(t, error));
        }
      },
    });

  const now = Date.now();
  const attachment = m.attachment ?? null;
  const items: MenuProps['items'] = [
    { key: 'reply', label: t('message.reply') },
    ...(m.body ? [{ key: 'copy', label: t('message.copy') }] : []),
    ...(mine && canEdit(m, m.sender?.id ?? '', now) ? [{ key: 'edit', label: t('message.edit') }] : []),
    ...(mine && canRecall(m, m.sender?.id ?? '', now) ? [{ key: 'recall', label: t('message.recall') }] : []),
    ...(mine ? [{ key: 'readers', label: t('message.readers') }] : []),
    { key: 'delete', label: t('message.delete'), danger: true },
  ];
  const onMenu: MenuProps['onClick'] = ({ key }) => {
    if (key === 'reply') onReply(m);
    if (key === 'copy') void navigator.clipboard?.writeText(m.body).then(() => toast.success(t('message.copied')));
    if (key === 'edit') onEdit(m);
    if (key === 'recall') void recall();
    if (key === 'readers') onReaders(m);
    if (key === 'delete') remove();
  };

  return (
    <div
      data-testid={`chat-message-${m.id}`}
      style={{ display: 'flex', flexDirection: mine ? 'row-reverse' : 'row', gap: 8, marginTop: continued ? 4 : 12 }}
    >
      <div style={{ width: 36, flex: 'none' }}>
        {continued ? null : (
          <Avatar size={36} shape="square" style={{ background: mine ? '#1677ff' : '#7265e6' }}>
            {senderName.slice(-2)}
          </Avatar>
        )}
      </div>
      <div
        style={{
          maxWidth: '70%',
          minWidth: 0,
          display: 'flex',
          flexDirection: 'column',
          alignItems: mine ? 'flex-end' : 'flex-start',
        }}
      >
        {continued || mine ? null : <div style={{ fontSize: 12, color: '#8c8c8c', marginBottom: 2 }}>{senderName}</div>}
        <Dropdown menu={{ items, onClick: onMenu }} trigger={['contextMenu']}>
          <div
            style={{
              background: attachment && !m.body && !m.replyTo ? 'transparent' : mine ? '#cce4ff' : '#fff',
              borderRadius: 6,
              padding: attachment && !m.body && !m.replyTo ? 0 : '8px 12px',
              whiteSpace: 'pre-wrap',
              wordBreak: 'break-word',
              boxShadow: attachment && !m.body ? undefined : '0 1px 1px rgba(0,0,0,0.04)',
              maxWidth: '100%',
            }}
          >
            {m.replyTo ? (
              <div
                style={{
                  borderLeft: '3px solid #bfbfbf',
                  paddingLeft: 8,
                  marginBottom: 6,
                  color: '#8c8c8c',
                  fontSize: 12,
                }}
                data-testid="reply-quote"
              >
                {m.replyTo.recalled
                  ? t('message.recalled', { name: m.replyTo.senderName ?? t('message.unknownSender') })
                  : `${m.replyTo.senderName ?? t('message.unknownSender')}: ${m.replyTo.body}`}
              </div>
            ) : null}
            {attachment ? <AttachmentView attachment={attachment} /> : null}
            {attachment && m.body ? <div style={{ marginTop: 6 }}>{m.body}</div> : m.body}
            {m.editedAt ? (
              <span data-testid="edited-marker" style={{ color: '#8c8c8c', fontSize: 12, marginLeft: 4 }}>
                {t('message.edited')}
              </span>
            ) : null}
          </div>
        </Dropdown>
      </div>
      <div style={{ alignSelf: 'center', opacity: 0.6 }}>
        <Dropdown menu={{ items, onClick: onMenu }} trigger={['click']}>
          <Button type="text" size="small" icon={<EllipsisOutlined />} aria-label={t('message.actions')} />
        </Dropdown>
      </div>
    </div>
  );
}

/** A centered grey line: a system message, or a membership or group change. */
export function SystemLine({ text }: { text: string }) {
  return (
    <div
      data-testid="system-line"
      style={{ textAlign: 'center', color: '#8c8c8c', fontSize: 12, margin: '8px 0', padding: '0 24px' }}
    >
      {text}
    </div>
  );
}
