import { describe, expect, it } from 'vitest';
import {
  allIds,
  buildDepartmentTree,
  type DepartmentRow,
  departmentPath,
  descendantIds,
  dropParentId,
} from './department-tree';

const row = (id: string, parentId: string | null, name: string, sortOrder = 0, memberCount = 1): DepartmentRow => ({
  id,
  parentId,
  name,
  sortOrder,
  memberCount,
  headIds: [],
});

const rows = [
  row('sz', 'south', '深圳南山店', 6),
  row('east', 'root', '华东区', 1, 2),
  row('south', 'root', '华南区', 2),
  row('hz', 'east', '杭州西湖店', 0, 5),
  row('sh', 'east', '上海南京路店', 0, 5),
  row('root', null, '总部', 0, 7),
];

describe('buildDepartmentTree', () => {
  it('puts the root first and nests children under their parents', () => {
    const tree = buildDepartmentTree(rows);
    expect(tree.map((n) => n.id)).toEqual(['root']);
    expect(tree[0]?.children.map((n) => n.name)).toEqual(['华东区', '华南区']);
  });

  it('sorts siblings by sortOrder, then by Chinese name (pinyin order)', () => {
    const east = buildDepartmentTree(rows)[0]?.children[0];
    // Same sortOrder: 杭 (hang) before 上 (shang).
    expect(east?.children.map((n) => n.name)).toEqual(['杭州西湖店', '上海南京路店']);
  });

  it('sums member counts over each subtree', () => {
    const [root] = buildDepartmentTree(rows);
    expect(root?.totalCount).toBe(7 + 2 + 1 + 5 + 5 + 1);
    expect(root?.children[0]?.totalCount).toBe(12);
  });

  it('treats departments whose parent is out of view as roots, after the real root', () => {
    const tree = buildDepartmentTree([
      row('hz', 'east', '杭州西湖店'),
      row('sz', 'south', '深圳南山店'),
      row('a', null, '总部'),
    ]);
    expect(tree.map((n) => n.id)).toEqual(['a', 'hz', 'sz']);
  });

  it('survives a parent cycle without looping forever', () => {
    const tree = buildDepartmentTree([row('a', 'b', 'A'), row('b', 'a', 'B'), row('r', null, 'R')]);
    expect(allIds(tree)).toEqual(['r']);
  });

  it('lists every id parents first', () => {
    expect(allIds(buildDepartmentTree(rows))).toEqual(['root', 'east', 'hz', 'sh', 'south', 'sz']);
  });
});

describe('descendantIds', () => {
  it('holds the department and everything below it', () => {
    expect([...descendantIds(rows, 'east')].sort()).toEqual(['east', 'hz', 'sh']);
    expect(descendantIds(rows, 'root').size).toBe(6);
    expect([...descendantIds(rows, 'sz')]).toEqual(['sz']);
  });
});

describe('departmentPath', () => {
  it('names the chain from the root', () => {
    expect(departmentPath(rows, 'sh')).toEqual(['总部', '华东区', '上海南京路店']);
    expect(departmentPath(rows, 'missing')).toEqual([]);
  });
});

describe('dropParentId', () => {
  it('drops into the target or beside it', () => {
    const east = rows[1] as DepartmentRow;
    expect(dropParentId(east, true)).toBe('east');
    expect(dropParentId(east, false)).toBe('root');
  });
});
