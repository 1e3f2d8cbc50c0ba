/**
 * The one place that decides whether an actor may do something: the permission must be held,
 * and the resource must lie inside the data scope the actor's roles give that permission.
 */
import type { DataScope, Permission } from '@concord/protocol';
import type { Ctx } from '../app/context.js';
import { recordAudit } from '../features/audit/record.js';
import { forbidden } from '../platform/errors.js';
import type { Actor } from './actor.js';
import { type DepartmentTree, descendantsOf, loadDepartmentTree } from './department-tree.js';

export type Resource =
  | { kind: 'org' }
  | { kind: 'member'; id: string; departmentIds: readonly string[] }
  | { kind: 'department'; id: string };

/** What a permission reaches: the whole org, or these departments plus (always) oneself. */
export type Reach = { all: true } | { all: false; departmentIds: ReadonlySet<string>; selfId: string };

const trees = new WeakMap<Actor, Promise<DepartmentTree>>();

function treeFor(ctx: Pick<Ctx, 'db'>, actor: Actor): Promise<DepartmentTree> {
  let tree = trees.get(actor);
  if (!tree) {
    tree = loadDepartmentTree(ctx.db, actor.orgId);
    trees.set(actor, tree);
  }
  return tree;
}

/** The data scope the actor holds a permission with, or null when not held. */
export function scopeOf(actor: Actor, permission: Permission): DataScope | null {
  return actor.grants.get(permission) ?? null;
}

/** Which departments a permission reaches for this actor; null when the permission is not held. */
export async function reachOf(ctx: Pick<Ctx, 'db'>, actor: Actor, permission: Permission): Promise<Reach | null> {
  const scope = scopeOf(actor, permission);
  if (!scope) return null;
  if (scope === 'org') return { all: true };
  if (scope === 'self') return { all: false, departmentIds: new Set(), selfId: actor.memberId };
  if (scope === 'department') {
    return { all: false, departmentIds: new Set(actor.departmentIds), selfId: actor.memberId };
  }
  const tree = await treeFor(ctx, actor);
  return { all: false, departmentIds: descendantsOf(tree, actor.departmentIds), selfId: actor.memberId };
}

/** True when the reach covers the resource. */
export function reachCovers(reach: Reach, resource: Resource): boolean {
  if (reach.all || resource.kind === 'org') return true;
  if (resource.kind === 'department') return reach.departmentIds.has(resource.id);
  if (resource.id === reach.selfId) return true;
  return resource.departmentIds.some((id) => reach.departmentIds.has(id));
}

/** may(actor, action, resource): whether the actor holds the permission over the resource. */
export async function may(
  ctx: Pick<Ctx, 'db'>,
  actor: Actor,
  permission: Permission,
  resource: Resource = { kind: 'org' },
): Promise<boolean> {
  const reach = await reachOf(ctx, actor, permission);
  return reach !== null && reachCovers(reach, resource);
}

/** Like may(), but throws `forbidden` and records the refusal in the audit log. */
export async function assertMay(
  ctx: Pick<Ctx, 'db' | 'clock' | 'ids'>,
  actor: Actor,
  permission: Permission,
  resource: Resource = { kind: 'org' },
): Promise<void> {
  if (await may(ctx, actor, permission, resource)) return;
  await recordAudit(ctx, ctx.db, {
    orgId: actor.orgId,
    who: actor,
    action: 'authz.denied',
    target: resource.kind === 'org' ? null : { type: resource.kind, id: resource.id },
    after: { permission },
  });
  throw forbidden();
}
