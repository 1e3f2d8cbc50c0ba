/** Reads that need the actor: the signed-in member's profile, their sessions, managed sessions, tokens. */
import type { Ctx } from '../../app/context.js';
import type { Actor } from '../../authz/actor.js';
import { assertMay } from '../../authz/may.js';
import { notFound } from '../../platform/errors.js';
import { memberForSessionManagement } from './policy.js';
import { presentApiToken, presentMemberSummary, presentPermissions, presentRole, presentSession } from './presenter.js';
import { findMember, findOrg, listApiTokens, listLiveSessions, memberDepartmentIds, memberRoles } from './queries.js';

export async function readMe(ctx: Ctx, actor: Actor) {
  const [member, org, roles, departmentIds] = await Promise.all([
    findMember(ctx.db, actor.orgId, actor.memberId),
    findOrg(ctx.db, actor.orgId),
    memberRoles(ctx.db, actor.orgId, actor.memberId),
    memberDepartmentIds(ctx.db, actor.orgId, actor.memberId),
  ]);
  if (!member || !org) throw notFound('member');
  return {
    member: presentMemberSummary(member, departmentIds),
    org: { id: org.id, name: org.name },
    roles: roles.map(presentRole),
    permissions: presentPermissions(actor.grants),
    totpEnabled: member.totp_enabled === 1,
    totpSetupRequired: actor.totpSetupRequired,
  };
}

export async function listOwnSessions(ctx: Ctx, actor: Actor) {
  const rows = await listLiveSessions(ctx.db, actor.orgId, actor.memberId, ctx.clock.now().toISOString());
  return { items: rows.map((row) => presentSession(row, actor.sessionId)) };
}

export async function listMemberSessions(ctx: Ctx, actor: Actor, memberId: string) {
  const member = await memberForSessionManagement(ctx, actor, memberId);
  const rows = await listLiveSessions(ctx.db, actor.orgId, member.id, ctx.clock.now().toISOString());
  return { items: rows.map((row) => presentSession(row, actor.sessionId)) };
}

export async function listOrgApiTokens(ctx: Ctx, actor: Actor) {
  await assertMay(ctx, actor, 'api_token.manage');
  const rows = await listApiTokens(ctx.db, actor.orgId);
  return { items: rows.map(presentApiToken) };
}
