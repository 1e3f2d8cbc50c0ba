/** The hits: when, where (click to keep to that conversation), who, what kind of record, the highlighted text, and 查看上下文. */
import { Button, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../admin/format';
import type { ArchiveHit } from './archive-search-api';
import { RecordBody } from './record-body';

const TYPE_COLORS: Record<ArchiveHit['type'], string | undefined> = {
  created: undefined,
  edited: 'gold',
  recalled: 'red',
  hidden: 'default',
};

export function HitList({
  hits,
  loading,
  onOpen,
  onOnlyConversation,
}: {
  hits: ArchiveHit[];
  loading: boolean;
  onOpen: (hit: ArchiveHit) => void;
  onOnlyConversation: (conversation: ArchiveHit['conversation']) => void;
}) {
  const { t } = useTranslation('archiveSearch');
  return (
    <List
      loading={loading}
      dataSource={hits}
      rowKey="id"
      locale={{ emptyText: t('results.empty') }}
      renderItem={(hit) => (
        <List.Item
          data-testid="archive-hit"
          actions={[
            <Button key="context" type="link" size="small" onClick={() => onOpen(hit)}>
              {t('results.context')}
            </Button>,
          ]}
        >
          <div style={{ minWidth: 0, flex: 1 }}>
            <Flex gap={8} wrap align="center" style={{ fontSize: 12, marginBottom: 4 }}>
              <Typography.Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {formatDateTime(hit.at)}
              </Typography.Text>
              <Typography.Link onClick={() => onOnlyConversation(hit.conversation)} title={t('results.onlyThis')}>
                {hit.conversation.name || t(`kind.${hit.conversation.kind}`)}
              </Typography.Link>
              <Tag bordered={false}>{t(`kind.${hit.conversation.kind}`)}</Tag>
              {hit.sender ? (
                <Typography.Text strong>
                  {hit.sender.name}
                  {hit.sender.kind === 'guest' ? (
                    <Tag color="orange" bordered={false} style={{ marginInlineStart: 4 }}>
                      {t('kind.guest')}
                    </Tag>
                  ) : null}
                </Typography.Text>
              ) : null}
              <Tag color={TYPE_COLORS[hit.type]}>{t(`type.${hit.type}`)}</Tag>
            </Flex>
            <RecordBody record={hit} />
          </div>
        </List.Item>
      )}
    />
  );
}
