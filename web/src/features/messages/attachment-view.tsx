/** An image (thumbnail, click for full size) or a file card (name, size, download) inside a bubble. */
import { DownloadOutlined, EyeOutlined, FileOutlined, PictureOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Image, Spin } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/api/error-text';
import { keys } from './api';
import { downloadAttachment, saveBlob } from './attachment-transfer';
import { formatSize } from './attachments';
import type { AttachmentRef } from './message-cache';

/** Largest side of a thumbnail, in CSS pixels. */
export const THUMB_MAX = 200;

/** A URL for a Blob while the component shows it, revoked afterwards. */
export function useObjectUrl(blob: Blob | null | undefined): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!blob) {
      setUrl(null);
      return;
    }
    const next = URL.createObjectURL(blob);
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [blob]);
  return url;
}

function useAttachmentBlob(id: string) {
  return useQuery({
    queryKey: keys.attachment(id),
    queryFn: () => downloadAttachment(id),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 10 * 60_000,
    retry: 1,
  });
}

export function AttachmentView({ attachment }: { attachment: AttachmentRef }) {
  return attachment.kind === 'image' ? (
    <ImageAttachment attachment={attachment} />
  ) : (
    <FileCard attachment={attachment} />
  );
}

function ImageAttachment({ attachment }: { attachment: AttachmentRef }) {
  const { t } = useTranslation('messages');
  const blob = useAttachmentBlob(attachment.id);
  const url = useObjectUrl(blob.data);
  if (blob.error) {
    return (
      <span style={{ color: '#8c8c8c', fontSize: 12 }}>
        <PictureOutlined style={{ marginRight: 4 }} />
        {t('attachment.imageUnavailable')}
      </span>
    );
  }
  if (!url) {
    return (
      <div
        style={{
          width: 120,
          height: 90,
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
          background: '#f5f5f5',
        }}
      >
        <Spin size="small" />
      </div>
    );
  }
  return (
    <Image
      src={url}
      alt={attachment.name}
      data-testid="chat-image"
      style={{
        maxWidth: THUMB_MAX,
        maxHeight: THUMB_MAX,
        width: 'auto',
        height: 'auto',
        borderRadius: 4,
        display: 'block',
      }}
      preview={{
        cover: (
          <span style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
            <EyeOutlined />
            {t('attachment.viewFull')}
          </span>
        ),
      }}
    />
  );
}

export function FileCard({
  attachment,
  extra,
}: {
  attachment: Pick<AttachmentRef, 'id' | 'name' | 'size'>;
  /** Replaces the download button (null: none, for a file still uploading). */
  extra?: ReactNode;
}) {
  const { t } = useTranslation('messages');
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const download = async () => {
    setSaving(true);
    try {
      saveBlob(await downloadAttachment(attachment.id, true), attachment.name);
    } catch (error) {
      message.error(errorText(t, error));
    } finally {
      setSaving(false);
    }
  };
  return (
    <div
      data-testid="file-card"
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: 10,
        width: 240,
        maxWidth: '100%',
        padding: '8px 10px',
        background: '#fff',
        border: '1px solid #f0f0f0',
        borderRadius: 6,
        whiteSpace: 'normal',
      }}
    >
      <FileOutlined style={{ fontSize: 28, color: '#1677ff', flex: 'none' }} />
      <div style={{ flex: 1, minWidth: 0 }}>
        <div style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={attachment.name}>
          {attachment.name}
        </div>
        <div style={{ fontSize: 12, color: '#8c8c8c' }}>{formatSize(attachment.size)}</div>
      </div>
      {extra !== undefined ? (
        extra
      ) : (
        <Button
          size="small"
          type="text"
          icon={<DownloadOutlined />}
          loading={saving}
          aria-label={t('attachment.download', { name: attachment.name })}
          title={t('attachment.downloadShort')}
          onClick={() => void download()}
        />
      )}
    </div>
  );
}
