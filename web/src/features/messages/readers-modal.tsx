/** 已读列表: who has read one of my messages and who has not. */
import { Modal, Tabs, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/page-state';
import { useReaders } from './api';

export function ReadersModal({ messageId, onClose }: { messageId: string | null; onClose: () => void }) {
  const { t } = useTranslation('messages');
  const readers = useReaders(messageId);
  const names = (list: { id: string; name: string }[]) =>
    list.length === 0 ? (
      <span style={{ color: '#8c8c8c' }}>{t('readers.none')}</span>
    ) : (
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6 }}>
        {list.map((m) => (
          <Tag key={m.id}>{m.name}</Tag>
        ))}
      </div>
    );
  return (
    <Modal open={messageId !== null} title={t('readers.title')} onCancel={onClose} footer={null} destroyOnHidden>
      <QueryState query={readers}>
        {(data) => (
          <Tabs
            items={[
              { key: 'read', label: t('readers.read', { count: data.read.length }), children: names(data.read) },
              {
                key: 'unread',
                label: t('readers.unread', { count: data.unread.length }),
                children: names(data.unread),
              },
            ]}
          />
        )}
      </QueryState>
    </Modal>
  );
}
