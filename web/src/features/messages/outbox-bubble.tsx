/** A message not yet confirmed by the server: 发送中 spinner, or 发送失败 with 重发 (same clientMsgId). */
import { ExclamationCircleFilled, LoadingOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { type OutboxItem, useSend } from './outbox';

export function OutboxBubble({ item }: { item: OutboxItem }) {
  const { t } = useTranslation('messages');
  const send = useSend();
  return (
    <div
      data-testid={`pending-${item.clientMsgId}`}
      style={{ display: 'flex', flexDirection: 'row-reverse', gap: 8, marginTop: 12 }}
    >
      <div style={{ width: 36 }} />
      <div
        style={{
          maxWidth: '70%',
          background: '#cce4ff',
          borderRadius: 6,
          padding: '8px 12px',
          whiteSpace: 'pre-wrap',
          wordBreak: 'break-word',
          opacity: 0.75,
        }}
      >
        {item.replyPreview ? (
          <div
            style={{ borderLeft: '3px solid #bfbfbf', paddingLeft: 8, marginBottom: 6, color: '#8c8c8c', fontSize: 12 }}
          >
            {`${item.replyPreview.senderName ?? ''}: ${item.replyPreview.body}`}
          </div>
        ) : null}
        {item.body}
      </div>
      <div style={{ alignSelf: 'center', fontSize: 12 }}>
        {item.status === 'sending' ? (
          <LoadingOutlined aria-label={t('message.sending')} style={{ color: '#8c8c8c' }} />
        ) : (
          <span style={{ color: '#f5222d', display: 'inline-flex', alignItems: 'center', gap: 4 }}>
            <ExclamationCircleFilled aria-label={t('message.failed')} />
            <Button size="small" type="link" danger onClick={() => void send(item)}>
              {t('message.retry')}
            </Button>
          </span>
        )}
      </div>
    </div>
  );
}
