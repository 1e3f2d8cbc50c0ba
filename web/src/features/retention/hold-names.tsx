/** Names in the holds table: colleagues from the directory, other targets as picked in this session, else the id. */
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Hold, useKnownTargetName, useMemberName } from './retention-api';

const shortId = (id: string) => (id.length > 12 ? `${id.slice(0, 8)}…${id.slice(-4)}` : id);

/** The held colleague, external participant or conversation, by the best name known. */
export function useHoldTargetName(hold: Hold): string | null {
  const member = useMemberName(hold.kind === 'member' ? hold.targetId : null);
  const known = useKnownTargetName(hold.targetId);
  return member.data?.name ?? known;
}

export function HoldTarget({ hold }: { hold: Hold }) {
  const { t } = useTranslation('retention');
  const member = useMemberName(hold.kind === 'member' ? hold.targetId : null);
  const name = useHoldTargetName(hold);
  const status = member.data?.status;
  return (
    <span>
      <Tag color={hold.kind === 'member' ? 'blue' : 'purple'}>{t(`holds.kind.${hold.kind}`)}</Tag>
      {name ? (
        <span data-testid="hold-target">{name}</span>
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

export function MemberName({ id }: { id: string }) {
  const { t } = useTranslation('retention');
  const member = useMemberName(id);
  if (member.data) return <>{member.data.name}</>;
  return <Typography.Text type="secondary">{t('holds.unknownTarget', { id: shortId(id) })}</Typography.Text>;
}
