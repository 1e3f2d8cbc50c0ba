/** A transfer's status as a coloured tag. */
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TransferStatus } from './transfer-api';

const COLORS: Record<TransferStatus, string> = {
  waiting: 'processing',
  done: 'success',
  declined: 'warning',
  refused: 'error',
  cancelled: 'default',
};

export function TransferStatusTag({ status }: { status: TransferStatus }) {
  const { t } = useTranslation('customers');
  return <Tag color={COLORS[status]}>{t(`transfer.statusName.${status}`)}</Tag>;
}
