/** HTTP adapter for group invite links: create, list, revoke, join. */
import type { Ctx } from '../../app/context.js';
import type { App } from '../../http/app-type.js';
import { actorOf } from '../../http/auth.js';
import { errorResponses, IdParams, Ok } from '../../http/schema-helpers.js';
import { createInvite, revokeInvite } from './commands/create-invite.js';
import { joinByInvite } from './commands/join-by-invite.js';
import { presentInvite } from './conversation-presenter.js';
import { getConversation, listInvites } from './conversation-reads.js';
import {
  CodeParams,
  ConversationDetail,
  CreateInviteBody,
  Invite,
  InviteList,
  InviteParams,
} from './conversation-schemas.js';

const tags = ['conversations'];

export function conversationInviteRoutes(app: App, ctx: Ctx): void {
  app.post(
    '/api/v1/conversations/:id/invites',
    {
      schema: {
        tags,
        summary: 'Create an invite link with an expiry and optional maximum uses (those who may add members)',
        params: IdParams,
        body: CreateInviteBody,
        response: { 201: Invite, ...errorResponses },
      },
    },
    async (req, reply) => {
      const row = await createInvite(ctx, actorOf(req), req.params.id, req.body);
      return reply.status(201).send(presentInvite(row));
    },
  );

  app.get(
    '/api/v1/conversations/:id/invites',
    {
      schema: {
        tags,
        summary: 'The group’s invite links (those who may add members)',
        params: IdParams,
        response: { 200: InviteList, ...errorResponses },
      },
    },
    async (req) => listInvites(ctx, actorOf(req), req.params.id),
  );

  app.delete(
    '/api/v1/conversations/:id/invites/:inviteId',
    {
      schema: {
        tags,
        summary: 'Revoke an invite link (its creator, or owner/admins)',
        params: InviteParams,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (req) => {
      await revokeInvite(ctx, actorOf(req), req.params.id, req.params.inviteId);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/v1/invites/:code/join',
    {
      schema: {
        tags,
        summary: 'Join a group of your org through an invite link; refusals name the reason',
        params: CodeParams,
        response: { 200: ConversationDetail, ...errorResponses, 422: errorResponses[409] },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const id = await joinByInvite(ctx, actor, req.params.code);
      return getConversation(ctx, actor, id);
    },
  );
}
