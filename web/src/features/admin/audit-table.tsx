/** The dense audit list: time, actor, translated action, object, IP and client, expandable diffs. */
import { Table, type TableProps, Tag, Tooltip, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/page-state';
import type { AuditEntry } from './audit-api';
import { AuditDiffView } from './audit-diff-view';
import { formatDateTime, shortUserAgent } from './format';
import { actionLabel, targetTypeLabel } from './labels';

const ALARMING = new Set(['auth.login_failed', 'auth.locked', 'authz.denied']);

const hasDetails = (entry: AuditEntry) =>
  (entry.before !== null && entry.before !== undefined) || (entry.after !== null && entry.after !== undefined);

export function AuditTable({ entries, loading }: { entries: AuditEntry[]; loading: boolean }) {
  const { t } = useTranslation('admin');

  const actorText = (entry: AuditEntry) => {
    if (entry.actor.name) return entry.actor.name;
    if (entry.actor.kind === 'system') return t('audit.system');
    if (entry.actor.kind === 'api_token') return t('audit.apiToken');
    if (entry.actor.kind === 'anonymous') return t('audit.anonymous');
    return t('audit.unknownActor');
  };

  const columns: TableProps<AuditEntry>['columns'] = [
    {
      title: t('audit.colTime'),
      dataIndex: 'at',
      width: 160,
      render: (at: string) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatDateTime(at)}</span>,
    },
    {
      title: t('audit.colActor'),
      key: 'actor',
      width: 130,
      ellipsis: true,
      render: (_, entry) => (
        <Typography.Text type={entry.actor.kind === 'member' ? undefined : 'secondary'}>
          {actorText(entry)}
        </Typography.Text>
      ),
    },
    {
      title: t('audit.colAction'),
      dataIndex: 'action',
      width: 150,
      render: (action: string) => (
        <Tooltip title={action}>
          <Typography.Text type={ALARMING.has(action) ? 'danger' : undefined}>{actionLabel(t, action)}</Typography.Text>
        </Tooltip>
      ),
    },
    {
      title: t('audit.colTarget'),
      key: 'target',
      width: 220,
      ellipsis: true,
      render: (_, entry) =>
        entry.target ? (
          <span>
            <Tag style={{ marginInlineEnd: 6 }}>{targetTypeLabel(t, entry.target.type)}</Tag>
            <Tooltip title={entry.target.id}>
              <span>{entry.target.label ?? entry.target.id ?? '—'}</span>
            </Tooltip>
          </span>
        ) : (
          '—'
        ),
    },
    { title: t('audit.colIp'), dataIndex: 'ip', width: 130, render: (ip: string | null) => ip ?? '—' },
    {
      title: t('audit.colClient'),
      dataIndex: 'userAgent',
      width: 180,
      ellipsis: true,
      render: (ua: string | null) =>
        ua ? (
          <Tooltip title={ua}>
            <span>{shortUserAgent(ua)}</span>
          </Tooltip>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <Table<AuditEntry>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={entries}
      loading={loading}
      pagination={false}
      scroll={{ x: 1000 }}
      locale={{ emptyText: <EmptyState /> }}
      expandable={{
        rowExpandable: hasDetails,
        expandedRowRender: (entry) => <AuditDiffView before={entry.before} after={entry.after} />,
      }}
      onRow={(entry) => ({ 'data-testid': `audit-row-${entry.id}` }) as HTMLAttributes<HTMLElement>}
    />
  );
}
