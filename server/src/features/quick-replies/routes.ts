/** HTTP adapter for quick replies (话术库) and their categories: schema → one command or read → presenter. */
import type { Ctx } from '../../app/context.js';
import type { App } from '../../http/app-type.js';
import { actorOf } from '../../http/auth.js';
import { errorResponses, IdParams, Ok } from '../../http/schema-helpers.js';
import { createCategory, deleteCategory, updateCategory } from './commands/category-commands.js';
import {
  createQuickReply,
  deleteQuickReply,
  recordQuickReplyUse,
  updateQuickReply,
} from './commands/reply-commands.js';
import { quickReplyFileRoutes } from './file-routes.js';
import { getQuickReply, listCategories, listQuickReplies } from './queries.js';
import {
  CategoryList,
  CreateCategoryBody,
  CreateQuickReplyBody,
  ListQuickRepliesQuery,
  QuickReply,
  QuickReplyPage,
  UpdateCategoryBody,
  UpdateQuickReplyBody,
} from './schemas.js';

const tags = ['quick replies'];
const refusals = { ...errorResponses, 422: errorResponses[409] };

export function quickReplyRoutes(app: App, ctx: Ctx): void {
  quickReplyFileRoutes(app, ctx);
  app.get(
    '/api/v1/quick-replies',
    {
      schema: {
        tags,
        summary:
          'Quick replies you can use: the org’s and your personal ones, by keyword (title or text), category and scope; ordered by category, then usage or title pinyin',
        querystring: ListQuickRepliesQuery,
        response: { 200: QuickReplyPage, ...errorResponses },
      },
    },
    async (req) => listQuickReplies(ctx, actorOf(req), req.query),
  );

  app.post(
    '/api/v1/quick-replies',
    {
      schema: {
        tags,
        summary:
          'Add a quick reply: org-wide (quick_reply.manage, audited; 422 content_blocked when a blocking sensitive rule hits) or personal',
        body: CreateQuickReplyBody,
        response: { 201: QuickReply, ...refusals },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const id = await createQuickReply(ctx, actor, req.body);
      return reply.status(201).send(await getQuickReply(ctx, actor, id));
    },
  );

  app.patch(
    '/api/v1/quick-replies/:id',
    {
      schema: {
        tags,
        summary: 'Edit a quick reply (org-wide ones need quick_reply.manage and are audited)',
        params: IdParams,
        body: UpdateQuickReplyBody,
        response: { 200: QuickReply, ...refusals },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await updateQuickReply(ctx, actor, req.params.id, req.body);
      return getQuickReply(ctx, actor, req.params.id);
    },
  );

  app.delete(
    '/api/v1/quick-replies/:id',
    {
      schema: {
        tags,
        summary: 'Delete a quick reply (org-wide ones need quick_reply.manage and are audited)',
        params: IdParams,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (req) => {
      await deleteQuickReply(ctx, actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/v1/quick-replies/:id/use',
    {
      schema: {
        tags,
        summary: 'Count one use of a quick reply (called when it is inserted into a message)',
        params: IdParams,
        response: { 200: QuickReply, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await recordQuickReplyUse(ctx, actor, req.params.id);
      return getQuickReply(ctx, actor, req.params.id);
    },
  );

  app.get(
    '/api/v1/quick-reply-categories',
    {
      schema: {
        tags,
        summary: 'Quick-reply categories: the org’s, then your personal ones, in order, with reply counts',
        response: { 200: CategoryList, ...errorResponses },
      },
    },
    async (req) => listCategories(ctx, actorOf(req)),
  );

  app.post(
    '/api/v1/quick-reply-categories',
    {
      schema: {
        tags,
        summary: 'Add a category, org-wide (quick_reply.manage, audited) or personal',
        body: CreateCategoryBody,
        response: { 200: CategoryList, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await createCategory(ctx, actor, req.body);
      return listCategories(ctx, actor);
    },
  );

  app.patch(
    '/api/v1/quick-reply-categories/:id',
    {
      schema: {
        tags,
        summary: 'Rename or reorder a category (org-wide ones need quick_reply.manage)',
        params: IdParams,
        body: UpdateCategoryBody,
        response: { 200: CategoryList, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await updateCategory(ctx, actor, req.params.id, req.body);
      return listCategories(ctx, actor);
    },
  );

  app.delete(
    '/api/v1/quick-reply-categories/:id',
    {
      schema: {
        tags,
        summary: 'Delete an empty category; 409 category_not_empty while it holds replies',
        params: IdParams,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (req) => {
      await deleteCategory(ctx, actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );
}
