/** Names in the holds table, as the holds API gives them; a target it cannot name shows its id. */
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Hold } from './retention-api';

const KIND_COLOURS: Record<Hold['kind'], string> = { member: 'blue', customer: 'gold', conversation: 'purple' };

const shortId = (id: string) => (id.length > 12 ? `${id.slice(0, 8)}…${id.slice(-4)}` : id);

export function HoldTarget({ hold }: { hold: Hold }) {
  const { t } = useTranslation('retention');
  const status = hold.targetStatus;
  return (
    <span>
      <Tag color={KIND_COLOURS[hold.kind]}>{t(`holds.kind.${hold.kind}`)}</Tag>
      {hold.targetName ? (
        <span data-testid="hold-target">{hold.targetName}</span>
      ) : (
        <Typography.Text type="secondary" copyable={{ text: hold.targetId }} data-testid="hold-target">
          {t('holds.unknownTarget', { id: shortId(hold.targetId) })}
        </Typography.Text>
      )}
      {status && status !== 'active' ? (
        <Tag style={{ marginInlineStart: 6 }}>{t(`holds.memberStatus.${status}`)}</Tag>
      ) : null}
    </span>
  );
}

export function PlacedBy({ hold }: { hold: Hold }) {
  const { t } = useTranslation('retention');
  if (hold.createdByName) return <>{hold.createdByName}</>;
  return (
    <Typography.Text type="secondary">{t('holds.unknownTarget', { id: shortId(hold.createdBy) })}</Typography.Text>
  );
}
