/**
 * What an actor may do with customers, worked out once per request. A member sees the customers
 * they own or co-follow (`customer.serve`), plus those owned by members inside their
 * `customer.view` reach. Contacts show unmasked where `customer.view_contact` reaches the owner;
 * deletion and restoring need `customer.delete` over the owner.
 */
import type { Permission } from '@concord/protocol';
import type { Ctx } from '../../app/context.js';
import type { Actor } from '../../authz/actor.js';
import { assertMay, type Reach, reachCovers, reachOf } from '../../authz/may.js';
import { forbidden } from '../../platform/errors.js';

export type Viewer = {
  actor: Actor;
  orgId: string;
  memberId: string;
  /** Own and co-followed customers. */
  serve: boolean;
  /** Customers owned by members in this reach. */
  view: Reach | null;
  contact: Reach | null;
  remove: Reach | null;
  /** Org-wide customer settings (org tag groups, stages, custom fields). */
  manage: boolean;
};

type AccessCtx = Pick<Ctx, 'db' | 'clock' | 'ids'>;

/** The viewer; 403 (audited) when the actor holds neither customer.serve nor customer.view. */
export async function customerViewer(ctx: AccessCtx, actor: Actor): Promise<Viewer> {
  const [serve, view, contact, remove, manage] = await Promise.all([
    reachOf(ctx, actor, 'customer.serve'),
    reachOf(ctx, actor, 'customer.view'),
    reachOf(ctx, actor, 'customer.view_contact'),
    reachOf(ctx, actor, 'customer.delete'),
    reachOf(ctx, actor, 'customer.manage'),
  ]);
  if (!serve && !view) {
    await assertMay(ctx, actor, 'customer.serve');
    throw forbidden();
  }
  return {
    actor,
    orgId: actor.orgId,
    memberId: actor.memberId,
    serve: serve !== null,
    view,
    contact,
    remove,
    manage: manage !== null,
  };
}

/** A customer's owner as the authorization layer sees a member. */
export type OwnerFacts = { id: string; departmentIds: readonly string[] };

export function reaches(reach: Reach | null, owner: OwnerFacts): boolean {
  return reach !== null && reachCovers(reach, { kind: 'member', id: owner.id, departmentIds: owner.departmentIds });
}

/** Whether the viewer sees a customer with this owner and these co-followers. */
export function sees(viewer: Viewer, owner: OwnerFacts, followerIds: readonly string[]): boolean {
  if (viewer.serve && (owner.id === viewer.memberId || followerIds.includes(viewer.memberId))) return true;
  return reaches(viewer.view, owner);
}

/** 403 (audited) unless the permission reaches the owner. */
export function assertReaches(
  ctx: AccessCtx,
  viewer: Viewer,
  permission: Permission,
  owner: OwnerFacts,
): Promise<void> {
  return assertMay(ctx, viewer.actor, permission, { kind: 'member', id: owner.id, departmentIds: owner.departmentIds });
}
