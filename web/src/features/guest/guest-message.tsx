/**
 * One message in the guest chat: text, image or file, a system line (a notice from the company,
 * such as who serves them now), a recall line, or an own message still being sent.
 */
import { DownloadOutlined, FileOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Image, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentRef, ChatMessage } from '../messages/message-cache';
import type { GuestApi } from './guest-api';

const bubble = (mine: boolean): React.CSSProperties => ({
  display: 'inline-block',
  maxWidth: '100%',
  padding: '8px 12px',
  borderRadius: 10,
  background: mine ? '#d6e8ff' : '#fff',
  boxShadow: '0 1px 2px rgba(0,0,0,0.06)',
  whiteSpace: 'pre-wrap',
  wordBreak: 'break-word',
  textAlign: 'left',
});

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The attachment's bytes as an object URL (the GET needs the guest's bearer header). */
function useAttachmentUrl(api: GuestApi, attachment: AttachmentRef, enabled: boolean): string | null {
  const blob = useQuery({
    queryKey: ['guest', 'attachment', attachment.id],
    queryFn: () => api.attachment(attachment.id),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const url = useMemo(() => (blob.data ? URL.createObjectURL(blob.data) : null), [blob.data]);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  return url;
}

function AttachmentBody({ api, attachment }: { api: GuestApi; attachment: AttachmentRef }) {
  const { t } = useTranslation('guest');
  const isImage = attachment.kind === 'image';
  const url = useAttachmentUrl(api, attachment, isImage);
  if (isImage) {
    return url ? (
      <Image src={url} alt={attachment.name} style={{ maxWidth: 220, maxHeight: 220, borderRadius: 6 }} />
    ) : (
      <Typography.Text type="secondary">{t('chat.image')}</Typography.Text>
    );
  }
  const download = async () => {
    const blob = await api.attachment(attachment.id);
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = attachment.name;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  };
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
      <FileOutlined style={{ fontSize: 24, color: '#1677ff' }} />
      <span>
        <div>{attachment.name}</div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatSize(attachment.size)}
        </Typography.Text>
      </span>
      <Button size="small" icon={<DownloadOutlined />} onClick={download} aria-label={t('chat.download')} />
    </span>
  );
}

export function GuestMessage({ api, message, mine }: { api: GuestApi; message: ChatMessage; mine: boolean }) {
  const { t } = useTranslation('guest');
  const name = mine ? t('chat.you') : (message.sender?.name ?? '');
  if (message.recalledAt) {
    return (
      <div style={{ textAlign: 'center', margin: '8px 0' }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('chat.recalled', { name })}
        </Typography.Text>
      </div>
    );
  }
  const time = new Date(message.createdAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  if (message.kind === 'system') {
    return (
      <div style={{ textAlign: 'center', margin: '10px 0' }} data-seq={message.seq}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {time}
        </Typography.Text>
        <div>
          <span style={{ ...bubble(false), background: '#f0f0f0', boxShadow: 'none', fontSize: 13 }}>
            {message.body}
          </span>
        </div>
      </div>
    );
  }
  return (
    <div style={{ margin: '10px 0', textAlign: mine ? 'right' : 'left' }} data-seq={message.seq}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {mine ? time : `${name} · ${time}`}
      </Typography.Text>
      <div>
        <div style={bubble(mine)}>
          {message.attachment ? <AttachmentBody api={api} attachment={message.attachment} /> : null}
          {message.body ? <div>{message.body}</div> : null}
          {message.editedAt ? (
            <Typography.Text type="secondary" style={{ fontSize: 11 }}>
              {` (${t('chat.edited')})`}
            </Typography.Text>
          ) : null}
        </div>
      </div>
    </div>
  );
}

export type PendingMessage = {
  clientMsgId: string;
  body: string;
  failed: boolean;
  /** An image or file on its way: its name and how much has been uploaded. */
  upload?: { file: File; percent: number; attachment?: { id: string; kind: 'image' | 'file' } };
};

export function PendingBubble({ item, onRetry }: { item: PendingMessage; onRetry: () => void }) {
  const { t } = useTranslation('guest');
  return (
    <div style={{ margin: '10px 0', textAlign: 'right' }}>
      <Typography.Text type={item.failed ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
        {item.failed ? t('chat.failed') : t('chat.sending')}
      </Typography.Text>
      {item.failed ? (
        <Button type="link" size="small" onClick={onRetry}>
          {t('chat.retry')}
        </Button>
      ) : null}
      <div>
        <div style={{ ...bubble(true), opacity: 0.7 }}>
          {item.upload ? (
            <span>
              <FileOutlined /> {item.upload.file.name} · {t('chat.uploaded', { percent: item.upload.percent })}
            </span>
          ) : (
            item.body
          )}
        </div>
      </div>
    </div>
  );
}
