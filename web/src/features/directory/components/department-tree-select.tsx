/** A TreeSelect over the department tree; `disabledIds` greys out targets that are not allowed. */
import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useDepartments } from '../api/queries';
import { buildDepartmentTree, type DepartmentNode } from '../lib/department-tree';

type TreeOption = { value: string; title: string; disabled?: boolean; children: TreeOption[] };

function toOptions(nodes: readonly DepartmentNode[], disabledIds?: ReadonlySet<string>): TreeOption[] {
  return nodes.map((node) => ({
    value: node.id,
    title: node.name,
    disabled: disabledIds?.has(node.id),
    children: toOptions(node.children, disabledIds),
  }));
}

type Props = {
  value?: string | string[];
  onChange?: (value: string | string[]) => void;
  multiple?: boolean;
  placeholder?: string;
  disabledIds?: ReadonlySet<string>;
  id?: string;
};

export function DepartmentTreeSelect({ value, onChange, multiple, placeholder, disabledIds, id }: Props) {
  const departments = useDepartments();
  const treeData = useMemo(
    () => toOptions(buildDepartmentTree(departments.data ?? []), disabledIds),
    [departments.data, disabledIds],
  );
  return (
    <TreeSelect
      id={id}
      value={value}
      onChange={onChange}
      multiple={multiple}
      placeholder={placeholder}
      treeData={treeData}
      loading={departments.isLoading}
      treeDefaultExpandAll
      showSearch={{ treeNodeFilterProp: 'title' }}
      allowClear={multiple}
      style={{ width: '100%' }}
      popupMatchSelectWidth={false}
    />
  );
}
