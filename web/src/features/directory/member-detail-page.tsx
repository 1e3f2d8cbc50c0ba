/** A member's page: profile, edit, disable / enable / offboard and roles. */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Avatar, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { can, useMe } from '../../app/auth/use-me';
import { NotFound, QueryState } from '../../components/page-state';
import { RequirePermission } from '../../components/require-permission';
import { type MemberDetail, useDepartments, useMember } from './api/queries';
import { AssignRolesModal } from './components/assign-roles-modal';
import { MemberFormDrawer } from './components/member-form-drawer';
import { MemberProfile } from './components/member-profile';
import { MemberStatusActions } from './components/member-status-actions';
import { MemberStatusTag } from './components/member-status-tag';

export function MemberDetailPage() {
  const { id } = useParams();
  if (!id) return <NotFound />;
  return (
    <RequirePermission permission="member.view">
      <MemberDetailContent id={id} />
    </RequirePermission>
  );
}

function MemberDetailContent({ id }: { id: string }) {
  const member = useMember(id);
  return <QueryState query={member}>{(data) => <MemberDetailView member={data} />}</QueryState>;
}

function MemberDetailView({ member }: { member: MemberDetail }) {
  const { t } = useTranslation('directory');
  const me = useMe().data;
  const departments = useDepartments().data ?? [];
  const [editing, setEditing] = useState(false);
  const [assigning, setAssigning] = useState(false);
  const canManage = can(me, 'member.manage');

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Link to="/directory">
        <ArrowLeftOutlined /> {t('detail.back')}
      </Link>
      <Card size="small">
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center', marginBottom: 12 }}>
          <Space style={{ flex: '1 1 auto', minWidth: 0 }}>
            <Avatar style={{ background: '#1677ff' }}>{member.name.slice(-2)}</Avatar>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {member.name}
            </Typography.Title>
            <MemberStatusTag status={member.status} />
          </Space>
          {canManage ? (
            <MemberStatusActions member={member} isSelf={me?.member.id === member.id} onEdit={() => setEditing(true)} />
          ) : null}
        </div>
        <MemberProfile
          member={member}
          departments={departments}
          canAssignRoles={can(me, 'role.manage') && member.status !== 'departed'}
          onAssignRoles={() => setAssigning(true)}
        />
      </Card>
      {editing ? <MemberFormDrawer mode="edit" member={member} onClose={() => setEditing(false)} /> : null}
      {assigning ? <AssignRolesModal member={member} onClose={() => setAssigning(false)} /> : null}
    </Space>
  );
}
