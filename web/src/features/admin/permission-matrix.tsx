/** The role editor's permission checkboxes, grouped by area; sensitive ones carry a warning tag. */
import type { DataScope } from '@concord/protocol';
import { Checkbox, Col, Flex, Row, Tag, Tooltip, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { permissionDesc, permissionName } from './labels';
import { canGrant, isSensitive, PERMISSION_GROUPS, type PermissionGroup, sortPermissions } from './permission-groups';

type Props = {
  value?: string[];
  onChange?: (value: string[]) => void;
  /** What the signed-in member holds (permission → scope); limits what may be ticked. */
  held: Readonly<Record<string, string>>;
  scope: DataScope;
  disabled?: boolean;
};

export function PermissionMatrix({ value = [], onChange, held, scope, disabled = false }: Props) {
  const set = (next: string[]) => onChange?.(sortPermissions(next));
  return (
    <Flex vertical gap={12}>
      {PERMISSION_GROUPS.map((group) => (
        <PermissionArea
          key={group.area}
          group={group}
          value={value}
          onChange={set}
          locked={disabled}
          grantable={(p) => canGrant(held, p, scope)}
        />
      ))}
    </Flex>
  );
}

function PermissionArea({
  group,
  value,
  onChange,
  grantable,
  locked,
}: {
  locked: boolean;
  group: PermissionGroup;
  value: string[];
  onChange: (next: string[]) => void;
  grantable: (permission: string) => boolean;
}) {
  const { t } = useTranslation('admin');
  const { token } = theme.useToken();
  const open = locked ? [] : group.permissions.filter(grantable);
  const ticked = group.permissions.filter((p) => value.includes(p));
  const toggleAll = (on: boolean) =>
    onChange(on ? [...new Set([...value, ...open])] : value.filter((p) => !open.includes(p as never)));
  const toggle = (permission: string, on: boolean) =>
    onChange(on ? [...value, permission] : value.filter((p) => p !== permission));

  return (
    <div
      style={{ border: `1px solid ${token.colorBorderSecondary}`, borderRadius: token.borderRadius }}
      data-testid={`permission-area-${group.area}`}
    >
      <div
        style={{
          background: token.colorFillAlter,
          padding: '6px 12px',
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
        }}
      >
        <Checkbox
          checked={ticked.length === group.permissions.length}
          indeterminate={ticked.length > 0 && ticked.length < group.permissions.length}
          disabled={open.length === 0}
          onChange={(e) => toggleAll(e.target.checked)}
        >
          <Typography.Text strong>{t(`area.${group.area}`)}</Typography.Text>
        </Checkbox>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {ticked.length}/{group.permissions.length}
        </Typography.Text>
      </div>
      <Row gutter={[12, 4]} style={{ padding: '8px 12px' }}>
        {group.permissions.map((permission) => {
          const sensitive = isSensitive(permission);
          const allowed = !locked && grantable(permission);
          const box = (
            <Checkbox
              checked={value.includes(permission)}
              disabled={!allowed}
              onChange={(e) => toggle(permission, e.target.checked)}
              data-testid={`permission-${permission}`}
            >
              <span style={sensitive ? { color: token.colorWarningText } : undefined}>
                {permissionName(t, permission)}
              </span>
              {sensitive ? (
                <Tag color="warning" style={{ marginInlineStart: 6, marginInlineEnd: 0 }}>
                  {t('roles.sensitive')}
                </Tag>
              ) : null}
            </Checkbox>
          );
          return (
            <Col xs={24} sm={12} key={permission}>
              {allowed || locked ? box : <Tooltip title={t('roles.notGrantable')}>{box}</Tooltip>}
              <div
                style={{ paddingInlineStart: 24, fontSize: 12, color: token.colorTextSecondary, lineHeight: '18px' }}
              >
                {permissionDesc(t, permission)}
              </div>
            </Col>
          );
        })}
      </Row>
    </div>
  );
}
