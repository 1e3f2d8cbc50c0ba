/** The member's profile card: contact, departments, supervisor, roles and departments they head. */
import { Button, Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MemberDetail } from '../api/queries';
import type { DepartmentRow } from '../lib/department-tree';
import { MemberStatusTag } from './member-status-tag';

type Props = {
  member: MemberDetail;
  departments: readonly DepartmentRow[];
  canAssignRoles: boolean;
  onAssignRoles: () => void;
};

const formatTime = (iso: string, language: string) => new Date(iso).toLocaleString(language);

export function MemberProfile({ member, departments, canAssignRoles, onAssignRoles }: Props) {
  const { t, i18n } = useTranslation('directory');
  const none = <Typography.Text type="secondary">{t('detail.none')}</Typography.Text>;
  const headed = member.headOfDepartmentIds.map((id) => departments.find((d) => d.id === id)?.name ?? id);
  const deptLink = (id: string, name: string) => <Link to={`/directory?dept=${id}`}>{name}</Link>;

  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, sm: 1, md: 2 }}
      styles={{ label: { width: 120, whiteSpace: 'nowrap' } }}
      items={[
        { key: 'name', label: t('column.name'), children: member.name },
        { key: 'title', label: t('column.title'), children: member.title || none },
        { key: 'status', label: t('column.status'), children: <MemberStatusTag status={member.status} /> },
        {
          key: 'departments',
          label: t('detail.departments'),
          children: (
            <Space wrap size={[4, 4]}>
              {member.departments.map((d) => (
                <Tag key={d.id} color={d.isPrimary ? 'blue' : undefined}>
                  {deptLink(d.id, d.name)}
                  {d.isPrimary ? ` · ${t('detail.primary')}` : ''}
                </Tag>
              ))}
            </Space>
          ),
        },
        {
          key: 'supervisor',
          label: t('detail.supervisor'),
          children: member.supervisor ? (
            <Link to={`/directory/members/${member.supervisor.id}`}>{member.supervisor.name}</Link>
          ) : (
            none
          ),
        },
        { key: 'mobile', label: t('column.mobile'), children: member.mobile || none },
        { key: 'email', label: t('column.email'), children: member.email || none },
        { key: 'joinedOn', label: t('detail.joinedOn'), children: member.joinedOn || none },
        {
          key: 'heads',
          label: t('detail.heads'),
          children: headed.length > 0 ? headed.join(t('separator')) : none,
        },
        ...(member.disabledAt
          ? [
              {
                key: 'disabledAt',
                label: t('detail.disabledAt'),
                children: formatTime(member.disabledAt, i18n.language),
              },
            ]
          : []),
        ...(member.departedAt
          ? [
              {
                key: 'departedAt',
                label: t('detail.departedAt'),
                children: formatTime(member.departedAt, i18n.language),
              },
            ]
          : []),
        {
          key: 'roles',
          label: t('detail.roles'),
          span: 'filled',
          children: (
            <Space wrap size={[4, 4]}>
              {member.roles.length > 0 ? member.roles.map((r) => <Tag key={r.id}>{r.name}</Tag>) : none}
              {canAssignRoles ? (
                <Button size="small" type="link" onClick={onAssignRoles}>
                  {t('detail.assignRoles')}
                </Button>
              ) : null}
            </Space>
          ),
        },
      ]}
    />
  );
}
