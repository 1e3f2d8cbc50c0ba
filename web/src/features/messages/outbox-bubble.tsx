/**
 * A message not yet confirmed by the server: 发送中 spinner, an upload's progress bar with 取消,
 * or 发送失败 with the reason and 重发 (same clientMsgId).
 */
import { CloseOutlined, ExclamationCircleFilled, LoadingOutlined } from '@ant-design/icons';
import { Button, Progress } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../lib/api/api-error';
import { FileCard, THUMB_MAX } from './attachment-view';
import { canRetryUpload, formatSize, maxBytesOf } from './attachments';
import { cancelOutboxItem, type OutboxItem, useSend } from './outbox';
import { sendErrorText } from './send-error-text';

/** Why an upload or send failed: the size limit in words, else what the server said. */
export function failureText(t: TFunction, item: OutboxItem): string {
  const error = item.error;
  if (!error) return t('message.failed');
  if (error.code === 'payload_too_large') {
    const max = maxBytesOf(error);
    return max ? t('upload.tooLarge', { max: formatSize(max) }) : t('upload.refused', { reason: error.message });
  }
  // Refusals of a file (empty, dissolved group, …) carry the server's own words.
  if (item.upload && !item.upload.uploaded && error.status >= 400 && error.status < 500) {
    return t('upload.refused', { reason: error.message });
  }
  return sendErrorText(t, error);
}

const retryable = (item: OutboxItem, error: ApiError | null | undefined) =>
  !error || !item.upload || Boolean(item.upload.uploaded) || canRetryUpload(error);

export function OutboxBubble({ item }: { item: OutboxItem }) {
  const { t } = useTranslation('messages');
  const send = useSend();
  const upload = item.upload;
  const failed = item.status === 'failed';
  return (
    <div
      data-testid={`pending-${item.clientMsgId}`}
      style={{ display: 'flex', flexDirection: 'row-reverse', gap: 8, marginTop: 12 }}
    >
      <div style={{ width: 36, flex: 'none' }} />
      <div
        style={{
          maxWidth: '70%',
          minWidth: 0,
          display: 'flex',
          flexDirection: 'column',
          alignItems: 'flex-end',
          gap: 4,
        }}
      >
        <div
          style={{
            background: upload ? 'transparent' : '#cce4ff',
            borderRadius: 6,
            padding: upload ? 0 : '8px 12px',
            whiteSpace: 'pre-wrap',
            wordBreak: 'break-word',
            opacity: upload ? 1 : 0.75,
          }}
        >
          {item.replyPreview ? (
            <div
              style={{
                borderLeft: '3px solid #bfbfbf',
                paddingLeft: 8,
                marginBottom: 6,
                color: '#8c8c8c',
                fontSize: 12,
              }}
            >
              {`${item.replyPreview.senderName ?? ''}: ${item.replyPreview.body}`}
            </div>
          ) : null}
          {upload ? <UploadPreview item={item} /> : item.body}
        </div>
        {failed ? (
          <div data-testid="send-error" style={{ color: '#f5222d', fontSize: 12, textAlign: 'right' }}>
            {failureText(t, item)}
          </div>
        ) : null}
      </div>
      <div style={{ alignSelf: 'center', fontSize: 12, display: 'inline-flex', alignItems: 'center', gap: 4 }}>
        {item.status === 'sending' ? (
          <LoadingOutlined aria-label={t('message.sending')} style={{ color: '#8c8c8c' }} />
        ) : item.status === 'uploading' ? null : (
          <span style={{ color: '#f5222d', display: 'inline-flex', alignItems: 'center', gap: 4 }}>
            <ExclamationCircleFilled aria-label={t('message.failed')} />
            {retryable(item, item.error) ? (
              <Button size="small" type="link" danger onClick={() => void send(item)}>
                {t('message.retry')}
              </Button>
            ) : null}
          </span>
        )}
        {upload && item.status !== 'sending' ? (
          <Button
            size="small"
            type="text"
            icon={<CloseOutlined />}
            aria-label={failed ? t('upload.remove') : t('upload.cancel')}
            title={failed ? t('upload.remove') : t('upload.cancel')}
            onClick={() => cancelOutboxItem(item.clientMsgId)}
          />
        ) : null}
      </div>
    </div>
  );
}

function UploadPreview({ item }: { item: OutboxItem }) {
  const { t } = useTranslation('messages');
  const upload = item.upload;
  if (!upload) return null;
  const progress =
    item.status === 'failed' ? null : (
      <Progress
        data-testid="upload-progress"
        percent={upload.percent}
        size="small"
        status="active"
        aria-label={t('upload.progress', { name: upload.file.name })}
        style={{ margin: 0, width: '100%' }}
      />
    );
  if (upload.previewUrl) {
    return (
      <div style={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-end', width: 'min-content' }}>
        <img
          src={upload.previewUrl}
          alt={upload.file.name}
          style={{ maxWidth: THUMB_MAX, maxHeight: THUMB_MAX, borderRadius: 4, opacity: 0.7, display: 'block' }}
        />
        <div style={{ width: '100%', minWidth: 120 }}>{progress}</div>
      </div>
    );
  }
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
      <FileCard attachment={{ id: '', name: upload.file.name, size: upload.file.size }} extra={null} />
      {progress}
    </div>
  );
}
