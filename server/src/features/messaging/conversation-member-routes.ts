/** HTTP adapter for group membership: add, remove or leave, change a member's role. */
import type { Ctx } from '../../app/context.js';
import type { App } from '../../http/app-type.js';
import { actorOf } from '../../http/auth.js';
import { errorResponses, IdParams, Ok } from '../../http/schema-helpers.js';
import { addMembers } from './commands/add-members.js';
import { changeMemberRole } from './commands/change-member-role.js';
import { removeMember } from './commands/remove-member.js';
import { getConversation } from './conversation-reads.js';
import { AddMembersBody, ChangeRoleBody, ConversationDetail, MemberParams } from './conversation-schemas.js';

const tags = ['conversations'];

export function conversationMemberRoutes(app: App, ctx: Ctx): void {
  app.post(
    '/api/v1/conversations/:id/members',
    {
      schema: {
        tags,
        summary: 'Add members or whole departments (owner/admins, or anyone unless only admins invite)',
        params: IdParams,
        body: AddMembersBody,
        response: { 200: ConversationDetail, ...errorResponses, 422: errorResponses[409] },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await addMembers(ctx, actor, req.params.id, req.body);
      return getConversation(ctx, actor, req.params.id);
    },
  );

  app.delete(
    '/api/v1/conversations/:id/members/:memberId',
    {
      config: { guest: true },
      schema: {
        tags,
        summary: 'Remove a member (owner/admins) or leave the group (yourself)',
        params: MemberParams,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (req) => {
      await removeMember(ctx, actorOf(req), req.params.id, req.params.memberId);
      return { ok: true as const };
    },
  );

  app.patch(
    '/api/v1/conversations/:id/members/:memberId',
    {
      schema: {
        tags,
        summary: 'Make a member an admin or a plain member (owner only)',
        params: MemberParams,
        body: ChangeRoleBody,
        response: { 200: ConversationDetail, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await changeMemberRole(ctx, actor, req.params.id, req.params.memberId, req.body);
      return getConversation(ctx, actor, req.params.id);
    },
  );
}
