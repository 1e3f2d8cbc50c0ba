/** The left panel: the department tree with member counts, a per-department menu and drag-to-move. */
import { MoreOutlined } from '@ant-design/icons';
import { Button, Dropdown, Tree, type TreeDataNode, type TreeProps, Typography } from 'antd';
import { type Key, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  allIds,
  buildDepartmentTree,
  type DepartmentNode,
  type DepartmentRow,
  dropParentId,
} from '../lib/department-tree';
import type { useDepartmentActions } from './use-department-actions';

type Actions = ReturnType<typeof useDepartmentActions>;

type Props = {
  departments: readonly DepartmentRow[];
  selectedId: string | undefined;
  onSelect: (id: string) => void;
  canManage: boolean;
  actions: Actions;
};

type Node = TreeDataNode & { department: DepartmentNode };

function toTreeData(nodes: readonly DepartmentNode[]): Node[] {
  return nodes.map((node) => ({ key: node.id, department: node, children: toTreeData(node.children) }));
}

export function DepartmentTreePanel({ departments, selectedId, onSelect, canManage, actions }: Props) {
  const { t } = useTranslation('directory');
  const tree = useMemo(() => buildDepartmentTree(departments), [departments]);
  const treeData = useMemo(() => toTreeData(tree), [tree]);
  const [expanded, setExpanded] = useState<Key[] | null>(null);
  const byId = useMemo(() => new Map(departments.map((d) => [d.id, d])), [departments]);

  const onDrop: TreeProps<Node>['onDrop'] = (info) => {
    const dragged = byId.get(String(info.dragNode.key));
    const target = byId.get(String(info.node.key));
    if (!dragged || !target) return;
    const parentId = dropParentId(target, !info.dropToGap);
    if (!parentId || parentId === dragged.parentId || parentId === dragged.id) return;
    actions.moveTo(dragged, parentId);
  };

  return (
    <Tree<Node>
      blockNode
      showLine
      treeData={treeData}
      selectedKeys={selectedId ? [selectedId] : []}
      expandedKeys={expanded ?? allIds(tree)}
      onExpand={(keys) => setExpanded(keys)}
      onSelect={(keys) => {
        const [key] = keys;
        if (key !== undefined) onSelect(String(key));
      }}
      draggable={
        canManage ? { icon: false, nodeDraggable: (node) => (node as Node).department.parentId !== null } : false
      }
      onDrop={onDrop}
      titleRender={(node) => (
        <span
          style={{ display: 'flex', alignItems: 'center', gap: 4, minWidth: 0 }}
          data-testid={`department-node-${node.department.id}`}
        >
          <Typography.Text ellipsis style={{ flex: 1, minWidth: 0 }}>
            {node.department.name}
            <Typography.Text type="secondary" style={{ marginLeft: 6, fontSize: 12 }}>
              {t('tree.count', { count: node.department.totalCount })}
            </Typography.Text>
          </Typography.Text>
          {canManage ? (
            <Dropdown menu={actions.menuFor(node.department)} trigger={['click']}>
              <Button
                type="text"
                size="small"
                icon={<MoreOutlined />}
                aria-label={t('dept.actionsOf', { name: node.department.name })}
                onClick={(e) => e.stopPropagation()}
              />
            </Dropdown>
          ) : null}
        </span>
      )}
    />
  );
}
