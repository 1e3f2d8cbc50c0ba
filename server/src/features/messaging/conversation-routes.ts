/** HTTP adapter for conversations: schema → one command or read → presenter. */
import type { FeatureRoutes } from '../../http/app-type.js';
import { actorOf } from '../../http/auth.js';
import { errorResponses, IdParams, Ok } from '../../http/schema-helpers.js';
import { createConversation } from './commands/create-conversation.js';
import { dissolveConversation } from './commands/dissolve-conversation.js';
import { transferOwner } from './commands/transfer-owner.js';
import { updateConversation } from './commands/update-conversation.js';
import { conversationInviteRoutes } from './conversation-invite-routes.js';
import { conversationMemberRoutes } from './conversation-member-routes.js';
import { getConversation, listConversations } from './conversation-reads.js';
import {
  ConversationDetail,
  ConversationList,
  CreateConversationBody,
  ListConversationsQuery,
  TransferOwnerBody,
  UpdateConversationBody,
} from './conversation-schemas.js';

const tags = ['conversations'];
const withLimit = { ...errorResponses, 422: errorResponses[409] };

export const conversationRoutes: FeatureRoutes = async (app, ctx) => {
  app.get(
    '/api/v1/conversations',
    {
      config: { guest: true },
      schema: {
        tags,
        summary: 'Your conversations with unread counts, pinned first then by last activity (at most 500)',
        querystring: ListConversationsQuery,
        response: { 200: ConversationList, ...errorResponses },
      },
    },
    async (req) => listConversations(ctx, actorOf(req), req.query.q),
  );

  app.post(
    '/api/v1/conversations',
    {
      schema: {
        tags,
        summary: 'Open the 1:1 conversation with a member (same one every time) or create a group',
        body: CreateConversationBody,
        response: { 200: ConversationDetail, 201: ConversationDetail, ...withLimit },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const id = await createConversation(ctx, actor, req.body);
      return reply.status(req.body.kind === 'direct' ? 200 : 201).send(await getConversation(ctx, actor, id));
    },
  );

  app.get(
    '/api/v1/conversations/:id',
    {
      config: { guest: true },
      schema: {
        tags,
        summary: 'One of your conversations with its members and settings',
        params: IdParams,
        response: { 200: ConversationDetail, ...errorResponses },
      },
    },
    async (req) => getConversation(ctx, actorOf(req), req.params.id),
  );

  app.patch(
    '/api/v1/conversations/:id',
    {
      schema: {
        tags,
        summary: 'Rename, set the announcement or settings (owner/admins); pin or mute for yourself',
        params: IdParams,
        body: UpdateConversationBody,
        response: { 200: ConversationDetail, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await updateConversation(ctx, actor, req.params.id, req.body);
      return getConversation(ctx, actor, req.params.id);
    },
  );

  app.post(
    '/api/v1/conversations/:id/transfer-owner',
    {
      schema: {
        tags,
        summary: 'Hand the group to another member (owner only)',
        params: IdParams,
        body: TransferOwnerBody,
        response: { 200: ConversationDetail, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await transferOwner(ctx, actor, req.params.id, req.body.memberId);
      return getConversation(ctx, actor, req.params.id);
    },
  );

  app.post(
    '/api/v1/conversations/:id/dissolve',
    {
      schema: {
        tags,
        summary: 'Dissolve the group; its messages stay readable (owner only)',
        params: IdParams,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (req) => {
      await dissolveConversation(ctx, actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );

  conversationMemberRoutes(app, ctx);
  conversationInviteRoutes(app, ctx);
};
