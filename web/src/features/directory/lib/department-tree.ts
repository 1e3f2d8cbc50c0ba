/**
 * Builds the department tree from the flat list the API returns (each row has its parentId).
 * A row whose parent is not in the list (outside the viewer's scope) becomes a root.
 */
export type DepartmentRow = {
  id: string;
  parentId: string | null;
  name: string;
  sortOrder: number;
  memberCount: number;
  headIds: string[];
};

export type DepartmentNode = DepartmentRow & {
  /** Members of this department and all below it (a member in two departments counts twice). */
  totalCount: number;
  children: DepartmentNode[];
};

/** Siblings in display order: sortOrder, then name in Chinese collation. */
export function compareDepartments(a: DepartmentRow, b: DepartmentRow): number {
  return a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-CN');
}

export function buildDepartmentTree(rows: readonly DepartmentRow[]): DepartmentNode[] {
  const nodes = new Map<string, DepartmentNode>(
    rows.map((row) => [row.id, { ...row, totalCount: row.memberCount, children: [] }]),
  );
  const roots: DepartmentNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  const seen = new Set<string>();
  const finish = (list: DepartmentNode[]): number => {
    let sum = 0;
    for (const node of list) {
      if (seen.has(node.id)) continue;
      seen.add(node.id);
      node.children.sort(compareDepartments);
      node.totalCount = node.memberCount + finish(node.children);
      sum += node.totalCount;
    }
    return sum;
  };
  // The real root (parentId null) first, then orphans whose parents lie outside the viewer's scope.
  roots.sort((a, b) => Number(a.parentId !== null) - Number(b.parentId !== null) || compareDepartments(a, b));
  finish(roots);
  return roots;
}

/** The department and every department below it, by id (the targets a move must not use). */
export function descendantIds(rows: readonly DepartmentRow[], id: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const row of rows) {
    if (row.parentId) children.set(row.parentId, [...(children.get(row.parentId) ?? []), row.id]);
  }
  const out = new Set<string>();
  const stack = [id];
  while (stack.length > 0) {
    const cur = stack.pop() as string;
    if (out.has(cur)) continue;
    out.add(cur);
    stack.push(...(children.get(cur) ?? []));
  }
  return out;
}

/** Names from the root down to the department, e.g. ['总部', '华东区']. */
export function departmentPath(rows: readonly DepartmentRow[], id: string): string[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const path: string[] = [];
  const seen = new Set<string>();
  for (let cur = byId.get(id); cur && !seen.has(cur.id); cur = cur.parentId ? byId.get(cur.parentId) : undefined) {
    seen.add(cur.id);
    path.unshift(cur.name);
  }
  return path;
}

/** Every id in the tree, parents before children (for expanding all). */
export function allIds(nodes: readonly DepartmentNode[]): string[] {
  return nodes.flatMap((n) => [n.id, ...allIds(n.children)]);
}

/** Where a drag-and-drop puts the dragged department: into the target, or beside it (same parent). */
export function dropParentId(target: DepartmentRow, dropIntoTarget: boolean): string | null {
  return dropIntoTarget ? target.id : target.parentId;
}
