/** HTTP adapter for customer settings: tag groups and tags, the stage pipeline, custom fields. */
import type { Ctx } from '../../app/context.js';
import type { App } from '../../http/app-type.js';
import { actorOf } from '../../http/auth.js';
import { errorResponses, IdParams, Ok } from '../../http/schema-helpers.js';
import { saveFields } from './commands/save-fields.js';
import { saveStages } from './commands/save-stages.js';
import { createTag, deleteTag, updateTag } from './commands/tag-commands.js';
import { createTagGroup, deleteTagGroup, updateTagGroup } from './commands/tag-group-commands.js';
import { listCustomerFields, listCustomerStages, listTagGroups } from './settings-reads.js';
import {
  CreateTagBody,
  CreateTagGroupBody,
  FieldList,
  SaveFieldsBody,
  SaveStagesBody,
  StageList,
  TagGroupList,
  TagParams,
  UpdateTagBody,
  UpdateTagGroupBody,
} from './settings-schemas.js';

const tags = ['customer settings'];

export function settingsRoutes(app: App, ctx: Ctx): void {
  app.get(
    '/api/v1/tag-groups',
    {
      schema: {
        tags,
        summary: 'Customer tag groups with their tags: the org’s and your personal ones',
        response: { 200: TagGroupList, ...errorResponses },
      },
    },
    async (req) => listTagGroups(ctx, actorOf(req)),
  );

  app.post(
    '/api/v1/tag-groups',
    {
      schema: {
        tags,
        summary: 'Add a tag group, org-wide (customer.manage) or personal, optionally with its tags',
        body: CreateTagGroupBody,
        response: { 200: TagGroupList, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await createTagGroup(ctx, actor, req.body);
      return listTagGroups(ctx, actor);
    },
  );

  app.patch(
    '/api/v1/tag-groups/:id',
    {
      schema: {
        tags,
        summary: 'Rename or reorder a tag group (org-wide ones need customer.manage)',
        params: IdParams,
        body: UpdateTagGroupBody,
        response: { 200: TagGroupList, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await updateTagGroup(ctx, actor, req.params.id, req.body);
      return listTagGroups(ctx, actor);
    },
  );

  app.delete(
    '/api/v1/tag-groups/:id',
    {
      schema: {
        tags,
        summary: 'Delete a tag group, its tags and those tags on every customer',
        params: IdParams,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (req) => {
      await deleteTagGroup(ctx, actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/v1/tag-groups/:id/tags',
    {
      schema: {
        tags,
        summary: 'Add a tag to a group',
        params: IdParams,
        body: CreateTagBody,
        response: { 200: TagGroupList, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await createTag(ctx, actor, req.params.id, req.body);
      return listTagGroups(ctx, actor);
    },
  );

  app.patch(
    '/api/v1/tag-groups/:id/tags/:tagId',
    {
      schema: {
        tags,
        summary: 'Rename or reorder a tag',
        params: TagParams,
        body: UpdateTagBody,
        response: { 200: TagGroupList, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await updateTag(ctx, actor, req.params.id, req.params.tagId, req.body);
      return listTagGroups(ctx, actor);
    },
  );

  app.delete(
    '/api/v1/tag-groups/:id/tags/:tagId',
    {
      schema: {
        tags,
        summary: 'Delete a tag and take it off every customer',
        params: TagParams,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (req) => {
      await deleteTag(ctx, actorOf(req), req.params.id, req.params.tagId);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/customer-stages',
    {
      schema: {
        tags,
        summary: 'The org’s stage pipeline, in order (默认：线索 → 初次沟通 → 意向 → 报价 → 成交 / 流失)',
        response: { 200: StageList, ...errorResponses },
      },
    },
    async (req) => listCustomerStages(ctx, actorOf(req)),
  );

  app.put(
    '/api/v1/customer-stages',
    {
      schema: {
        tags,
        summary: 'Replace the stage pipeline (customer.manage); a stage with customers in it cannot be removed',
        body: SaveStagesBody,
        response: { 200: StageList, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await saveStages(ctx, actor, req.body);
      return listCustomerStages(ctx, actor);
    },
  );

  app.get(
    '/api/v1/customer-fields',
    {
      schema: {
        tags,
        summary: 'The org’s custom customer fields (text, number, date, select), in order',
        response: { 200: FieldList, ...errorResponses },
      },
    },
    async (req) => listCustomerFields(ctx, actorOf(req)),
  );

  app.put(
    '/api/v1/customer-fields',
    {
      schema: {
        tags,
        summary: 'Replace the custom customer fields (customer.manage); a field’s type cannot change',
        body: SaveFieldsBody,
        response: { 200: FieldList, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await saveFields(ctx, actor, req.body);
      return listCustomerFields(ctx, actor);
    },
  );
}
