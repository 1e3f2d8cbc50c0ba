import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MemberStatus } from '../api/queries';

const COLORS: Record<MemberStatus, string> = { active: 'success', disabled: 'warning', departed: 'default' };

export function MemberStatusTag({ status }: { status: MemberStatus }) {
  const { t } = useTranslation('directory');
  return <Tag color={COLORS[status]}>{t(`status.${status}`)}</Tag>;
}
