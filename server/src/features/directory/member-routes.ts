/** HTTP adapter for members: schema → one read or command → presenter. */
import type { Ctx } from '../../app/context.js';
import type { App } from '../../http/app-type.js';
import { actorOf } from '../../http/auth.js';
import { errorResponses, IdParams } from '../../http/schema-helpers.js';
import { createMember } from './commands/create-member.js';
import { departMember } from './commands/depart-member.js';
import { disableMember } from './commands/disable-member.js';
import { enableMember } from './commands/enable-member.js';
import { updateMember } from './commands/update-member.js';
import { getMemberDetail, listMembers } from './reads.js';
import {
  CreateMemberBody,
  DepartMemberBody,
  ListMembersQuery,
  MemberDetail,
  MemberPage,
  UpdateMemberBody,
} from './schemas.js';

const tags = ['members'];

export function memberRoutes(app: App, ctx: Ctx): void {
  app.get(
    '/api/v1/members',
    {
      schema: {
        tags,
        summary: 'Search and page through members within your view scope, sorted by pinyin (needs member.view)',
        querystring: ListMembersQuery,
        response: { 200: MemberPage, ...errorResponses },
      },
    },
    async (req) => listMembers(ctx, actorOf(req), req.query),
  );

  app.post(
    '/api/v1/members',
    {
      schema: {
        tags,
        summary: 'Add a member (needs member.manage over the departments)',
        body: CreateMemberBody,
        response: { 201: MemberDetail, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const row = await createMember(ctx, actor, req.body);
      return reply.status(201).send(await getMemberDetail(ctx, actor, row.id));
    },
  );

  app.get(
    '/api/v1/members/:id',
    {
      schema: {
        tags,
        summary: 'One member with departments, supervisor, roles and headships (needs member.view)',
        params: IdParams,
        response: { 200: MemberDetail, ...errorResponses },
      },
    },
    async (req) => getMemberDetail(ctx, actorOf(req), req.params.id),
  );

  app.patch(
    '/api/v1/members/:id',
    {
      schema: {
        tags,
        summary: 'Edit a member (needs member.manage over them)',
        params: IdParams,
        body: UpdateMemberBody,
        response: { 200: MemberDetail, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await updateMember(ctx, actor, req.params.id, req.body);
      return getMemberDetail(ctx, actor, req.params.id);
    },
  );

  app.post(
    '/api/v1/members/:id/disable',
    {
      schema: {
        tags,
        summary: 'Disable a member and end all their sessions (needs member.manage)',
        params: IdParams,
        response: { 200: MemberDetail, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await disableMember(ctx, actor, req.params.id);
      return getMemberDetail(ctx, actor, req.params.id);
    },
  );

  app.post(
    '/api/v1/members/:id/enable',
    {
      schema: {
        tags,
        summary: 'Enable a disabled member (needs member.manage)',
        params: IdParams,
        response: { 200: MemberDetail, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await enableMember(ctx, actor, req.params.id);
      return getMemberDetail(ctx, actor, req.params.id);
    },
  );

  app.post(
    '/api/v1/members/:id/depart',
    {
      schema: {
        tags,
        summary: 'Offboard a member: sessions end, headships end, member.departed is emitted (needs member.manage)',
        params: IdParams,
        body: DepartMemberBody,
        response: { 200: MemberDetail, ...errorResponses },
      },
      // The body is optional: a bare POST departs the member today.
      preValidation: async (req) => {
        if (req.body === undefined || req.body === null) req.body = {};
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await departMember(ctx, actor, req.params.id, req.body);
      return getMemberDetail(ctx, actor, req.params.id);
    },
  );
}
