/** 通讯录: the department tree on the left, the selected department's members on the right. */
import { DownOutlined, ImportOutlined, UserAddOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, Col, Dropdown, Grid, Row, Space, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { can, useMe } from '../../app/auth/use-me';
import { EmptyState, QueryState } from '../../components/page-state';
import { RequirePermission } from '../../components/require-permission';
import { type MemberStatus, useDepartments } from './api/queries';
import { DepartmentHeads } from './components/department-heads';
import { DepartmentTreePanel } from './components/department-tree-panel';
import { MemberFilters } from './components/member-filters';
import { MemberFormDrawer } from './components/member-form-drawer';
import { MemberTable } from './components/member-table';
import { useDepartmentActions } from './components/use-department-actions';
import { buildDepartmentTree, type DepartmentRow, departmentPath } from './lib/department-tree';

const STATUSES: readonly string[] = ['active', 'disabled', 'departed'];

export function DirectoryPage() {
  return (
    <RequirePermission permission="member.view">
      <DirectoryContent />
    </RequirePermission>
  );
}

function DirectoryContent() {
  const departments = useDepartments();
  return <QueryState query={departments}>{(rows) => <DirectoryView departments={rows} />}</QueryState>;
}

function DirectoryView({ departments }: { departments: DepartmentRow[] }) {
  const { t } = useTranslation('directory');
  const me = useMe().data;
  const navigate = useNavigate();
  const narrow = !Grid.useBreakpoint().md;
  const [params, setParams] = useSearchParams();
  const [adding, setAdding] = useState(false);

  const rootId = useMemo(() => buildDepartmentTree(departments)[0]?.id, [departments]);
  const wanted = params.get('dept');
  const selectedId = wanted && departments.some((d) => d.id === wanted) ? wanted : rootId;
  const selected = departments.find((d) => d.id === selectedId);
  const q = params.get('q') ?? '';
  const statusParam = params.get('status') ?? '';
  const status = STATUSES.includes(statusParam) ? (statusParam as MemberStatus) : undefined;

  const update = useCallback(
    (next: Record<string, string | undefined>) =>
      setParams(
        (prev) => {
          const out = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(next)) {
            if (value) out.set(key, value);
            else out.delete(key);
          }
          return out;
        },
        { replace: true },
      ),
    [setParams],
  );
  const select = useCallback((id: string) => update({ dept: id }), [update]);
  const actions = useDepartmentActions(departments, select);
  const onFilter = useCallback((next: { q: string; status: MemberStatus | undefined }) => update(next), [update]);

  const canDept = can(me, 'department.manage');
  const canMember = can(me, 'member.manage');
  const canImport = can(me, 'member.import');

  if (departments.length === 0 || !selected) return <EmptyState />;

  const path = departmentPath(departments, selected.id);
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} md={8} lg={6}>
        <Card
          size="small"
          title={t('tree.title')}
          styles={{ body: { padding: 8, maxHeight: narrow ? 260 : 'calc(100vh - 170px)', overflow: 'auto' } }}
        >
          <DepartmentTreePanel
            departments={departments}
            selectedId={selected.id}
            onSelect={select}
            canManage={canDept}
            actions={actions}
          />
        </Card>
      </Col>
      <Col xs={24} md={16} lg={18}>
        <Card size="small" styles={{ body: { padding: narrow ? 8 : 16 } }}>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', marginBottom: 12 }}>
            <div style={{ flex: '1 1 200px', minWidth: 0 }}>
              <Typography.Title level={5} style={{ margin: 0 }} data-testid="department-title">
                {selected.name}
              </Typography.Title>
              {path.length > 1 ? (
                <Breadcrumb
                  style={{ fontSize: 12 }}
                  items={path.map((name, i) => ({ key: `${i}-${name}`, title: name }))}
                />
              ) : null}
              <DepartmentHeads headIds={selected.headIds} />
            </div>
            <Space wrap>
              {canMember ? (
                <Button type="primary" icon={<UserAddOutlined />} onClick={() => setAdding(true)}>
                  {t('list.addMember')}
                </Button>
              ) : null}
              {canImport ? (
                <Button icon={<ImportOutlined />} onClick={() => navigate('/directory/import')}>
                  {t('list.import')}
                </Button>
              ) : null}
              {canDept ? (
                <Dropdown menu={actions.menuFor(selected)} trigger={['click']}>
                  <Button>
                    {t('dept.manage')} <DownOutlined />
                  </Button>
                </Dropdown>
              ) : null}
            </Space>
          </div>
          <div style={{ marginBottom: 12 }}>
            <MemberFilters q={q} status={status} onChange={onFilter} />
          </div>
          <MemberTable
            filter={{ departmentId: selected.id, includeSubdepartments: true, q: q || undefined, status }}
            departments={departments}
            filtered={Boolean(q || status)}
          />
        </Card>
      </Col>
      {actions.modals}
      {adding ? <MemberFormDrawer mode="create" departmentId={selected.id} onClose={() => setAdding(false)} /> : null}
    </Row>
  );
}
