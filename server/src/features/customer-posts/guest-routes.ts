/** HTTP adapter for the customer's page (guest session): the posts addressed to them, likes, comments, their groups. */
import type { Ctx } from '../../app/context.js';
import type { App } from '../../http/app-type.js';
import { actorOf } from '../../http/auth.js';
import { ErrorBody, errorResponses, IdParams } from '../../http/schema-helpers.js';
import { commentAsCustomer, likePost, unlikePost } from './commands/comment-commands.js';
import { deleteOwnComment } from './commands/delete-comment.js';
import { guestFeed, guestGroups, guestPost } from './guest-reads.js';
import { CommentParams, GuestCommentBody, GuestFeed, GuestFeedQuery, GuestGroups, GuestPost } from './schemas.js';

const tags = ['customer posts'];
const guest = { guest: true };

export function guestPostRoutes(app: App, ctx: Ctx): void {
  const postAfter = (actor: ReturnType<typeof actorOf>, id: string) => guestPost(ctx, actor, id);

  app.get(
    '/api/v1/guest/posts',
    {
      config: guest,
      schema: {
        tags,
        summary: 'For a customer on their page: posts addressed to them, newest first, with their like and comments',
        querystring: GuestFeedQuery,
        response: { 200: GuestFeed, ...errorResponses },
      },
    },
    async (req) => guestFeed(ctx, actorOf(req), req.query),
  );

  app.put(
    '/api/v1/guest/posts/:id/like',
    {
      config: guest,
      schema: {
        tags,
        summary: 'Like a post (liking twice is one like)',
        params: IdParams,
        response: { 200: GuestPost, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await likePost(ctx, actor, req.params.id);
      return postAfter(actor, req.params.id);
    },
  );

  app.delete(
    '/api/v1/guest/posts/:id/like',
    {
      config: guest,
      schema: { tags, summary: 'Take back a like', params: IdParams, response: { 200: GuestPost, ...errorResponses } },
    },
    async (req) => {
      const actor = actorOf(req);
      await unlikePost(ctx, actor, req.params.id);
      return postAfter(actor, req.params.id);
    },
  );

  app.post(
    '/api/v1/guest/posts/:id/comments',
    {
      config: guest,
      schema: {
        tags,
        summary: 'Comment on a post (at most 500 characters; 422 content_blocked names the sensitive rule)',
        params: IdParams,
        body: GuestCommentBody,
        response: { 201: GuestPost, ...errorResponses, 422: ErrorBody },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      await commentAsCustomer(ctx, actor, req.params.id, req.body.text);
      return reply.status(201).send(await postAfter(actor, req.params.id));
    },
  );

  app.delete(
    '/api/v1/guest/posts/:id/comments/:commentId',
    {
      config: guest,
      schema: {
        tags,
        summary: 'Delete your own comment (the answers to it go too)',
        params: CommentParams,
        response: { 200: GuestPost, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await deleteOwnComment(ctx, actor, req.params.id, req.params.commentId);
      return postAfter(actor, req.params.id);
    },
  );

  app.get(
    '/api/v1/guest/customer-groups',
    {
      config: guest,
      schema: {
        tags,
        summary: 'For a customer on their page: the customer groups they are in',
        response: { 200: GuestGroups, ...errorResponses },
      },
    },
    async (req) => guestGroups(ctx, actorOf(req)),
  );
}
