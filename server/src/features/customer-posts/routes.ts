/** HTTP adapter for posts to customers, the colleagues' side: write, list, review, delete, reply, settings. */
import type { Ctx } from '../../app/context.js';
import type { App, FeatureRoutes } from '../../http/app-type.js';
import { actorOf } from '../../http/auth.js';
import { ErrorBody, errorResponses, IdParams, Ok } from '../../http/schema-helpers.js';
import { replyToComment } from './commands/comment-commands.js';
import { deleteCommentOnPost } from './commands/delete-comment.js';
import { deletePost } from './commands/delete-post.js';
import { readPostSettings, setReviewRequired } from './commands/post-settings.js';
import { publishPost } from './commands/publish-post.js';
import { approvePost, rejectPost } from './commands/review-post.js';
import { guestPostRoutes } from './guest-routes.js';
import { postImageRoutes } from './image-routes.js';
import { getPost, listPosts } from './reads.js';
import {
  CommentParams,
  CreatePostBody,
  ListPostsQuery,
  PostDetail,
  PostPage,
  RejectBody,
  ReplyBody,
  Settings,
  SettingsBody,
} from './schemas.js';

const tags = ['customer posts'];
const refusals = { ...errorResponses, 422: ErrorBody };

function memberRoutes(app: App, ctx: Ctx): void {
  app.get(
    '/api/v1/customer-posts',
    {
      schema: {
        tags,
        summary:
          'Posts to customers you see: your own, the org’s (customer_post.publish_org), every one (customer_post.review); newest first',
        querystring: ListPostsQuery,
        response: { 200: PostPage, ...errorResponses },
      },
    },
    async (req) => listPosts(ctx, actorOf(req), req.query),
  );

  app.post(
    '/api/v1/customer-posts',
    {
      schema: {
        tags,
        summary:
          'Post to customers picked by tags: your own customers (customer.serve) or the whole org’s (customer_post.publish_org); waits for review when the org requires it; 422 content_blocked names the sensitive rule; audited',
        body: CreatePostBody,
        response: { 201: PostDetail, ...refusals },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const id = await publishPost(ctx, actor, req.body);
      return reply.status(201).send(await getPost(ctx, actor, id));
    },
  );

  app.get(
    '/api/v1/customer-posts/settings',
    {
      schema: {
        tags,
        summary: 'Whether posts need review before customers see them',
        response: { 200: Settings, ...errorResponses },
      },
    },
    async (req) => readPostSettings(ctx, actorOf(req)),
  );

  app.put(
    '/api/v1/customer-posts/settings',
    {
      schema: {
        tags,
        summary: 'Require review of posts, or not (customer_post.review; audited)',
        body: SettingsBody,
        response: { 200: Settings, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await setReviewRequired(ctx, actor, req.body.reviewRequired);
      return readPostSettings(ctx, actor);
    },
  );

  app.get(
    '/api/v1/customer-posts/:id',
    {
      schema: {
        tags,
        summary: 'One post with its audience count, the customers who liked it and the comments',
        params: IdParams,
        response: { 200: PostDetail, ...errorResponses },
      },
    },
    async (req) => getPost(ctx, actorOf(req), req.params.id),
  );

  app.delete(
    '/api/v1/customer-posts/:id',
    {
      schema: {
        tags,
        summary:
          'Delete a post: it leaves every customer’s page (author, reviewers, publish_org for org posts; audited)',
        params: IdParams,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (req) => {
      await deletePost(ctx, actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/v1/customer-posts/:id/approve',
    {
      schema: {
        tags,
        summary: 'Approve a waiting post: it goes to its customers now (customer_post.review; audited)',
        params: IdParams,
        response: { 200: PostDetail, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await approvePost(ctx, actor, req.params.id);
      return getPost(ctx, actor, req.params.id);
    },
  );

  app.post(
    '/api/v1/customer-posts/:id/reject',
    {
      schema: {
        tags,
        summary: 'Reject a waiting post with a reason told to its author (customer_post.review; audited)',
        params: IdParams,
        body: RejectBody,
        response: { 200: PostDetail, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await rejectPost(ctx, actor, req.params.id, req.body.reason);
      return getPost(ctx, actor, req.params.id);
    },
  );

  app.post(
    '/api/v1/customer-posts/:id/comments',
    {
      schema: {
        tags,
        summary: 'Answer a customer’s comment on a post (at most 500 characters; 422 content_blocked)',
        params: IdParams,
        body: ReplyBody,
        response: { 201: PostDetail, ...refusals },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      await replyToComment(ctx, actor, req.params.id, req.body);
      return reply.status(201).send(await getPost(ctx, actor, req.params.id));
    },
  );

  app.delete(
    '/api/v1/customer-posts/:id/comments/:commentId',
    {
      schema: {
        tags,
        summary:
          'Take down a comment or answer on a post you see (author, reviewers, publish_org for org posts); answers to it go too (audited)',
        params: CommentParams,
        response: { 200: PostDetail, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await deleteCommentOnPost(ctx, actor, req.params.id, req.params.commentId);
      return getPost(ctx, actor, req.params.id);
    },
  );
}

export const customerPostRoutes: FeatureRoutes = (app, ctx) => {
  memberRoutes(app, ctx);
  postImageRoutes(app, ctx);
  guestPostRoutes(app, ctx);
};
