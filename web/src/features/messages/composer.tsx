/**
 * The input box: Enter sends, Shift+Enter breaks the line, @ lists members, reply preview above;
 * images and files from the buttons or pasted; editing one's own message in place of a new one;
 * quick replies from their button or by typing `/` and a keyword into an empty box.
 */
import { CloseOutlined, EditOutlined, PaperClipOutlined, PictureOutlined } from '@ant-design/icons';
import { MESSAGING_LIMITS } from '@concord/protocol';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Mentions, type MentionsRef, Tooltip } from 'antd';
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api/api-error';
import { isNoticeRequired } from '../archive-consent/consent-logic';
import { askForArchiveNotice } from '../archive-consent/notice-requests';
import { countQuickReplyUse, type QuickReply } from '../quick-replies/api';
import { QuickReplyPicker } from '../quick-replies/quick-reply-picker';
import { insertReply, slashQuery } from '../quick-replies/reply-logic';
import { type ConversationDetail, editMessage, keys } from './api';
import { filesOf, pastedFiles } from './attachments';
import { ALL_ID, activeMentionQuery, type PickedMention, resolveMentions } from './mentions';
import { type ChatMessage, type MessageWindow, upsertMessages } from './message-cache';
import { EDIT_WINDOW_HOURS } from './message-rules';
import { useSend, useSendFiles } from './outbox';
import { useRealtime } from './realtime-context';
import { sendErrorText } from './send-error-text';

const TYPING_EVERY_MS = 3000;
/** The types the server shows as images; the image button offers only these. */
const IMAGE_ACCEPT = 'image/png,image/jpeg,image/gif,image/webp';

export function Composer({
  conversation,
  meId,
  replyTo,
  onCancelReply,
  editing,
  onCancelEdit,
}: {
  conversation: ConversationDetail;
  meId: string;
  replyTo: ChatMessage | null;
  onCancelReply: () => void;
  editing: ChatMessage | null;
  onCancelEdit: () => void;
}) {
  const { t } = useTranslation('messages');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const send = useSend();
  const sendFiles = useSendFiles();
  const { client } = useRealtime();
  const [text, setText] = useState('');
  const [picked, setPicked] = useState<PickedMention[]>([]);
  const [saving, setSaving] = useState(false);
  // The draft typed before an edit started comes back when the edit ends.
  const [editingId, setEditingId] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const input = useRef<MentionsRef>(null);
  const imageInput = useRef<HTMLInputElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const lastTyping = useRef(0);
  const [pickerOpen, setPickerOpen] = useState(false);
  // The `/` text the member closed the list on, so it stays closed until they type on.
  const [slashDismissed, setSlashDismissed] = useState<string | null>(null);
  const firstReply = useRef<QuickReply | null>(null);
  const slash = editing ? null : slashQuery(text);
  const slashOpen = slash !== null && text !== slashDismissed;
  const manager = conversation.myRole === 'owner' || conversation.myRole === 'admin';
  const allLabel = t('composer.all');

  if ((editing?.id ?? null) !== editingId) {
    if (editing && editingId === null) setDraft(text);
    setText(editing ? editing.body : draft);
    setEditingId(editing?.id ?? null);
  }
  useEffect(() => {
    if (editing) input.current?.focus();
  }, [editing]);

  const options = useMemo(
    () => [
      ...(manager && conversation.kind !== 'direct' ? [{ key: ALL_ID, value: allLabel, label: allLabel }] : []),
      ...conversation.members.filter((m) => m.id !== meId).map((m) => ({ key: m.id, value: m.name, label: m.name })),
    ],
    [conversation.members, conversation.kind, manager, meId, allLabel],
  );

  const saveEdit = async (target: ChatMessage, body: string) => {
    if (body === target.body) {
      onCancelEdit();
      return;
    }
    setSaving(true);
    try {
      const edited = await editMessage(target.id, body);
      queryClient.setQueryData<MessageWindow>(keys.window(conversation.id), (w) =>
        w ? { ...w, items: upsertMessages(w.items, [edited]) } : w,
      );
      message.success(t('composer.edited'));
      onCancelEdit();
    } catch (error) {
      // The notice dialog opens and repeats the edit once the notice is accepted.
      if (isNoticeRequired(error)) {
        askForArchiveNotice(conversation.id, () => void saveEdit(target, body));
        return;
      }
      const expired =
        error instanceof ApiError &&
        error.code === 'conflict' &&
        typeof (error.details as { windowSeconds?: unknown } | undefined)?.windowSeconds === 'number';
      message.error(expired ? t('composer.editExpired', { hours: EDIT_WINDOW_HOURS }) : sendErrorText(t, error));
    } finally {
      setSaving(false);
    }
  };

  const submit = () => {
    const body = text.trim();
    if (!body || saving) return;
    if (body.length > MESSAGING_LIMITS.messageBodyMax) {
      message.error(t('composer.tooLong', { max: MESSAGING_LIMITS.messageBodyMax }));
      return;
    }
    if (editing) {
      void saveEdit(editing, body);
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

  const pickReply = (reply: QuickReply) => {
    setText((current) => insertReply(current, reply.text));
    setPickerOpen(false);
    countQuickReplyUse(queryClient, reply.id);
    input.current?.focus();
  };

  const pickFiles = (list: FileList | null, el: HTMLInputElement | null) => {
    const files = filesOf({ files: list });
    if (files.length > 0) sendFiles(conversation.id, files);
    // The same file may be picked again later.
    if (el) el.value = '';
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
      {editing ? (
        <ContextBar testId="edit-preview" onClose={onCancelEdit} closeLabel={t('composer.cancelEdit')}>
          <EditOutlined style={{ marginRight: 6 }} />
          {t('composer.editing')}
        </ContextBar>
      ) : replyTo ? (
        <ContextBar testId="reply-preview" onClose={onCancelReply} closeLabel={t('composer.cancelReply')}>
          {t('composer.replyTo', { name: replyTo.sender?.name ?? t('message.unknownSender') })}
          {replyTo.body}
        </ContextBar>
      ) : null}
      {editing ? null : (
        <div style={{ display: 'flex', gap: 4, marginBottom: 4 }}>
          <Tooltip title={t('composer.attachImage')}>
            <Button
              type="text"
              size="small"
              icon={<PictureOutlined />}
              aria-label={t('composer.attachImage')}
              onClick={() => imageInput.current?.click()}
            />
          </Tooltip>
          <Tooltip title={t('composer.attachFile')}>
            <Button
              type="text"
              size="small"
              icon={<PaperClipOutlined />}
              aria-label={t('composer.attachFile')}
              onClick={() => fileInput.current?.click()}
            />
          </Tooltip>
          <input
            ref={imageInput}
            type="file"
            accept={IMAGE_ACCEPT}
            multiple
            hidden
            data-testid="image-input"
            onChange={(e) => pickFiles(e.currentTarget.files, e.currentTarget)}
          />
          <input
            ref={fileInput}
            type="file"
            multiple
            hidden
            data-testid="file-input"
            onChange={(e) => pickFiles(e.currentTarget.files, e.currentTarget)}
          />
          <QuickReplyPicker
            open={pickerOpen || slashOpen}
            keyword={slashOpen ? slash : null}
            onOpenChange={(open) => {
              setPickerOpen(open && !slashOpen);
              if (!open && slashOpen) setSlashDismissed(text);
            }}
            onPick={pickReply}
            onFirstChange={(reply) => {
              firstReply.current = reply;
            }}
          />
        </div>
      )}
      <div style={{ display: 'flex', gap: 8, alignItems: 'flex-end' }}>
        <Mentions
          ref={input}
          aria-label={t('composer.placeholder')}
          placeholder={t('composer.placeholder')}
          autoSize={{ minRows: 2, maxRows: 6 }}
          value={text}
          options={editing ? [] : options}
          onChange={(value) => {
            setText(value);
            const now = Date.now();
            if (value && !editing && now - lastTyping.current > TYPING_EVERY_MS) {
              lastTyping.current = now;
              client?.sendTyping(conversation.id);
            }
          }}
          onSelect={(option) => {
            // antd rewrites option keys, so the id is found again by the inserted name.
            const id = options.find((o) => o.value === option.value)?.key;
            if (id && option.value) setPicked((p) => [...p, { id, name: String(option.value) }]);
          }}
          onPaste={(e) => {
            const files = pastedFiles(e.clipboardData);
            if (files.length === 0 || editing) return;
            e.preventDefault();
            sendFiles(conversation.id, files);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && editing) {
              e.preventDefault();
              onCancelEdit();
              return;
            }
            if (e.key === 'Escape' && slashOpen) {
              e.preventDefault();
              setSlashDismissed(text);
              return;
            }
            if (e.key !== 'Enter' || e.shiftKey || e.nativeEvent.isComposing) return;
            // During a `/` shortcut, Enter inserts the first quick reply found instead of sending.
            if (slashOpen && firstReply.current) {
              e.preventDefault();
              pickReply(firstReply.current);
              return;
            }
            const el = e.currentTarget;
            // While the @ list is open, Enter picks a member instead of sending.
            const query = activeMentionQuery(el.value, el.selectionStart ?? el.value.length);
            if (!editing && query !== null && options.some((o) => o.value.includes(query))) return;
            e.preventDefault();
            submit();
          }}
          style={{ flex: 1, minWidth: 0 }}
        />
        <Button type="primary" onClick={submit} disabled={!text.trim()} loading={saving}>
          {editing ? t('composer.save') : t('composer.send')}
        </Button>
      </div>
    </div>
  );
}

function ContextBar({
  testId,
  closeLabel,
  onClose,
  children,
}: {
  testId: string;
  closeLabel: string;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <div
      data-testid={testId}
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
      <span style={{ flex: 1, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{children}</span>
      <Button size="small" type="text" icon={<CloseOutlined />} aria-label={closeLabel} onClick={onClose} />
    </div>
  );
}
