/** The org's department tree, loaded once per request when a scope check needs it. */
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.js';

export type DepartmentTree = {
  parentOf: ReadonlyMap<string, string | null>;
  childrenOf: ReadonlyMap<string, readonly string[]>;
};

export async function loadDepartmentTree(db: Kysely<Database>, orgId: string): Promise<DepartmentTree> {
  const rows = await db.selectFrom('departments').select(['id', 'parent_id']).where('org_id', '=', orgId).execute();
  const parentOf = new Map<string, string | null>();
  const childrenOf = new Map<string, string[]>();
  for (const row of rows) {
    parentOf.set(row.id, row.parent_id);
    if (row.parent_id) {
      const siblings = childrenOf.get(row.parent_id) ?? [];
      siblings.push(row.id);
      childrenOf.set(row.parent_id, siblings);
    }
  }
  return { parentOf, childrenOf };
}

/** The given departments and every department below them. */
export function descendantsOf(tree: DepartmentTree, roots: Iterable<string>): Set<string> {
  const out = new Set<string>();
  const stack = [...roots].filter((id) => tree.parentOf.has(id));
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (out.has(id)) continue;
    out.add(id);
    stack.push(...(tree.childrenOf.get(id) ?? []));
  }
  return out;
}

/** True when `id` is `ancestor` or lies below it. */
export function isWithin(tree: DepartmentTree, id: string, ancestor: string): boolean {
  for (let cur: string | null | undefined = id; cur; cur = tree.parentOf.get(cur)) {
    if (cur === ancestor) return true;
  }
  return false;
}
