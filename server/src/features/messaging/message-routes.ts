/**
 * HTTP adapter for messages: send, page, edit, recall, delete for oneself, read cursors and
 * readers. Open to every member of the conversation; the commands apply conversation roles.
 */
import type { Ctx } from '../../app/context.js';
import type { App, FeatureRoutes } from '../../http/app-type.js';
import { actorOf } from '../../http/auth.js';
import { ErrorBody, errorResponses, IdParams, Ok } from '../../http/schema-helpers.js';
import { listConversationChanges } from './change-reads.js';
import { editMessage } from './commands/edit-message.js';
import { hideMessage } from './commands/hide-message.js';
import { markRead } from './commands/mark-read.js';
import { recallMessage } from './commands/recall-message.js';
import { sendMessage } from './commands/send-message.js';
import { listMessages, messageReaders } from './message-reads.js';
import {
  ChangesQuery,
  ConversationChanges,
  EditMessageBody,
  ListMessagesQuery,
  MarkReadBody,
  Message,
  MessagePage,
  Readers,
  ReadState,
  SendMessageBody,
} from './message-schemas.js';

const tags = ['messages'];

function routes(app: App, ctx: Ctx): void {
  app.post(
    '/api/v1/conversations/:id/messages',
    {
      config: { guest: true },
      schema: {
        tags,
        summary:
          'Send a message (members; @all only for the owner and admins). A retry with the same clientMsgId returns the stored message',
        params: IdParams,
        body: SendMessageBody,
        // 422 content_blocked: a sensitive-content rule refused the text (details name the rule).
        response: { 200: Message, ...errorResponses, 422: ErrorBody },
      },
    },
    async (req) => sendMessage(ctx, actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/v1/conversations/:id/messages',
    {
      config: { guest: true },
      schema: {
        tags,
        summary:
          'Page through messages oldest-first: the newest page before a seq, or everything after a seq (members)',
        params: IdParams,
        querystring: ListMessagesQuery,
        response: { 200: MessagePage, ...errorResponses },
      },
    },
    async (req) => listMessages(ctx, actorOf(req), req.params.id, req.query),
  );

  app.get(
    '/api/v1/conversations/:id/changes',
    {
      config: { guest: true },
      schema: {
        tags,
        summary: 'Changes of the conversation (members, settings, announcement) in a seq range, oldest first (members)',
        params: IdParams,
        querystring: ChangesQuery,
        response: { 200: ConversationChanges, ...errorResponses },
      },
    },
    async (req) => listConversationChanges(ctx, actorOf(req), req.params.id, req.query),
  );

  app.post(
    '/api/v1/conversations/:id/read',
    {
      config: { guest: true },
      schema: {
        tags,
        summary: 'Move your read cursor forward to a seq (members; never moves back)',
        params: IdParams,
        body: MarkReadBody,
        response: { 200: ReadState, ...errorResponses },
      },
    },
    async (req) => markRead(ctx, actorOf(req), req.params.id, req.body.seq),
  );

  app.patch(
    '/api/v1/messages/:id',
    {
      config: { guest: true },
      schema: {
        tags,
        summary: 'Edit your own message within the edit window',
        params: IdParams,
        body: EditMessageBody,
        response: { 200: Message, ...errorResponses, 422: ErrorBody },
      },
    },
    async (req) => editMessage(ctx, actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/messages/:id/recall',
    {
      config: { guest: true },
      schema: {
        tags,
        summary: 'Recall a message: the sender within 2 minutes, or a group owner/admin at any time (audited)',
        params: IdParams,
        response: { 200: Message, ...errorResponses },
      },
    },
    async (req) => recallMessage(ctx, actorOf(req), req.params.id),
  );

  app.delete(
    '/api/v1/messages/:id',
    {
      config: { guest: true },
      schema: {
        tags,
        summary: 'Delete a message for yourself only (others still see it)',
        params: IdParams,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (req) => {
      await hideMessage(ctx, actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/messages/:id/readers',
    {
      config: { guest: true },
      schema: {
        tags,
        summary: 'Who of the current members has read the message and who has not (members)',
        params: IdParams,
        response: { 200: Readers, ...errorResponses },
      },
    },
    async (req) => messageReaders(ctx, actorOf(req), req.params.id),
  );
}

export const messageRoutes: FeatureRoutes = (app, ctx) => {
  routes(app, ctx);
};
