/** An audit entry's before/after as a key/value table, changed fields highlighted. */
import { Table, type TableProps, Tag, Typography, theme } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { type DiffRow, diffRows, valueText } from './audit-diff';
import { actionLabel, fieldLabel, permissionName, scopeName } from './labels';

/** Translates values whose meaning the console knows: permissions, scopes, yes/no. */
function display(t: TFunction, key: string, value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'boolean') return value ? t('audit.yes') : t('audit.no');
  const last = key.split('.').pop();
  if ((last === 'permissions' || last === 'scopes') && Array.isArray(value)) {
    return value.map((p) => permissionName(t, String(p))).join('、') || '—';
  }
  if ((last === 'dataScope' || last === 'scope') && typeof value === 'string') return scopeName(t, value);
  if (last === 'action' && typeof value === 'string') return actionLabel(t, value);
  return valueText(value);
}

function itemLabel(t: TFunction, key: string, item: string): string {
  const last = key.split('.').pop();
  return last === 'permissions' || last === 'scopes' ? permissionName(t, item) : item;
}

export function AuditDiffView({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation('admin');
  const { token } = theme.useToken();
  const rows = diffRows(before, after);
  if (rows.length === 0) return <Typography.Text type="secondary">{t('audit.noDetails')}</Typography.Text>;
  const hasBefore = rows.some((r) => r.before !== undefined);
  const hasAfter = rows.some((r) => r.after !== undefined);

  const columns: TableProps<DiffRow>['columns'] = [
    {
      title: t('audit.diffField'),
      key: 'key',
      width: 160,
      render: (_, row) => (
        <Typography.Text strong={row.change !== 'unchanged'}>{fieldLabel(t, row.key)}</Typography.Text>
      ),
    },
  ];
  if (hasBefore) {
    columns.push({
      title: t('audit.diffBefore'),
      key: 'before',
      render: (_, row) => (
        <span
          style={
            row.change === 'changed' || row.change === 'removed'
              ? {
                  color: token.colorTextSecondary,
                  textDecoration: row.change === 'changed' ? 'line-through' : undefined,
                }
              : undefined
          }
        >
          {display(t, row.key, row.before)}
        </span>
      ),
    });
  }
  if (hasAfter) {
    columns.push({
      title: t('audit.diffAfter'),
      key: 'after',
      render: (_, row) => (
        <div>
          <span
            style={row.change === 'changed' || row.change === 'added' ? { color: token.colorPrimaryText } : undefined}
          >
            {display(t, row.key, row.after)}
          </span>
          {row.addedItems?.map((item) => (
            <Tag key={`+${item}`} color="success" style={{ marginInlineStart: 6 }}>
              {t('audit.added')} {itemLabel(t, row.key, item)}
            </Tag>
          ))}
          {row.removedItems?.map((item) => (
            <Tag key={`-${item}`} color="error" style={{ marginInlineStart: 6 }}>
              {t('audit.removed')} {itemLabel(t, row.key, item)}
            </Tag>
          ))}
        </div>
      ),
    });
  }

  return (
    <Table<DiffRow>
      rowKey="key"
      size="small"
      bordered
      columns={columns}
      dataSource={rows}
      pagination={false}
      style={{ maxWidth: 900 }}
      onRow={(row) => ({
        style: row.change === 'changed' ? { background: token.colorWarningBg } : undefined,
      })}
    />
  );
}
