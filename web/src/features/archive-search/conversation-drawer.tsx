/**
 * 会话回放: the archived conversation around a hit, in order, the hit marked, each message tagged
 * when it was later edited, recalled or deleted; earlier and later records load on demand, and the
 * whole conversation can be exported.
 */
import { Alert, Button, Drawer, Flex, Spin, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/auth/use-can';
import { errorText } from '../../lib/api/error-text';
import { formatDateTime } from '../admin/format';
import { type ArchiveHit, type ReplayItem, type ReplayWindow, useConversationReplay } from './archive-search-api';
import { ExportMenu } from './export-menu';
import { RecordBody } from './record-body';

const STEP = 30;
const MAX = 200;

function Marks({ item }: { item: ReplayItem }) {
  const { t } = useTranslation('archiveSearch');
  if (!item.marks) return null;
  const hiders = item.marks.hiddenBy.map((p) => p.name).join('、');
  return (
    <>
      {item.marks.edited ? <Tag color="gold">{t('marks.edited')}</Tag> : null}
      {item.marks.recalled ? <Tag color="red">{t('marks.recalled')}</Tag> : null}
      {hiders ? <Tag>{t('marks.hidden', { names: hiders })}</Tag> : null}
    </>
  );
}

function ReplayRow({ item, isHit }: { item: ReplayItem; isHit: boolean }) {
  const { t } = useTranslation('archiveSearch');
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (isHit) ref.current?.scrollIntoView({ block: 'center' });
  }, [isHit]);
  return (
    <div
      ref={ref}
      data-testid={isHit ? 'archive-replay-hit' : 'archive-replay-item'}
      style={{
        padding: '8px 12px',
        borderRadius: 4,
        background: isHit ? '#fffbe6' : undefined,
        borderInlineStart: isHit ? '3px solid #faad14' : '3px solid transparent',
      }}
    >
      <Flex gap={8} wrap align="center" style={{ fontSize: 12, marginBottom: 2 }}>
        <Typography.Text strong>{item.sender?.name ?? ''}</Typography.Text>
        {item.sender?.kind === 'guest' ? (
          <Tag color="orange" bordered={false}>
            {t('kind.guest')}
          </Tag>
        ) : null}
        <Typography.Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums' }}>
          {formatDateTime(item.at)}
        </Typography.Text>
        {item.type !== 'created' ? <Tag>{t(`type.${item.type}`)}</Tag> : null}
        <Marks item={item} />
        {isHit ? <Tag color="orange">{t('replay.hit')}</Tag> : null}
      </Flex>
      <RecordBody record={item} />
    </div>
  );
}

export function ConversationDrawer({ hit, q, onClose }: { hit: ArchiveHit | null; q: string; onClose: () => void }) {
  const { t } = useTranslation('archiveSearch');
  const canExport = useCan('data.export');
  const [span, setSpan] = useState<ReplayWindow>({ before: 10, after: 10 });
  useEffect(() => {
    if (hit) setSpan({ around: hit.seq, before: 10, after: 10 });
  }, [hit]);
  const replay = useConversationReplay(hit && span.around === hit.seq ? hit.conversation.id : null, span, q);
  const data = replay.data;
  return (
    <Drawer
      open={hit !== null}
      onClose={onClose}
      size={640}
      title={
        <Flex vertical>
          <span>{t('replay.title')}</span>
          <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 'normal' }}>
            {hit ? `${hit.conversation.name} · ${t(`kind.${hit.conversation.kind}`)}` : ''}
          </Typography.Text>
        </Flex>
      }
      extra={
        hit && canExport ? (
          <ExportMenu target={{ conversationId: hit.conversation.id }} label={t('export.conversation')} />
        ) : null
      }
    >
      {replay.error ? <Alert type="error" showIcon title={errorText(t, replay.error)} /> : null}
      {!data ? (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin />
        </Flex>
      ) : (
        <Flex vertical gap={4} data-testid="archive-replay">
          <Flex justify="center">
            {data.hasBefore && span.before < MAX ? (
              <Button
                size="small"
                loading={replay.isFetching}
                onClick={() => setSpan((w) => ({ ...w, before: Math.min(MAX, w.before + STEP) }))}
              >
                {t('replay.earlier')}
              </Button>
            ) : (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {data.hasBefore ? '' : t('replay.start')}
              </Typography.Text>
            )}
          </Flex>
          {data.items.map((item) => (
            <ReplayRow key={item.id} item={item} isHit={item.id === hit?.id} />
          ))}
          <Flex justify="center">
            {data.hasAfter && span.after < MAX ? (
              <Button
                size="small"
                loading={replay.isFetching}
                onClick={() => setSpan((w) => ({ ...w, after: Math.min(MAX, w.after + STEP) }))}
              >
                {t('replay.later')}
              </Button>
            ) : (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {data.hasAfter ? '' : t('replay.end')}
              </Typography.Text>
            )}
          </Flex>
        </Flex>
      )}
    </Drawer>
  );
}
