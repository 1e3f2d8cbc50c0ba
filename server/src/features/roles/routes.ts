/** HTTP routes for roles and member role assignments. */
import { Type } from '@sinclair/typebox';
import type { FeatureRoutes } from '../../http/app-type.js';
import { actorOf } from '../../http/auth.js';
import { errorResponses, IdParams, Ok } from '../../http/schema-helpers.js';
import { createRole } from './commands/create-role.js';
import { deleteRole } from './commands/delete-role.js';
import { setMemberRoles } from './commands/set-member-roles.js';
import { updateRole } from './commands/update-role.js';
import { presentRole, presentRoles } from './presenter.js';
import { CreateRoleBody, RoleItem, RoleList, SetMemberRolesBody, UpdateRoleBody } from './schemas.js';
import { viewMemberRoles, viewRole, viewRoles } from './views.js';

const tags = ['roles'];

export const rolesRoutes: FeatureRoutes = (app, ctx) => {
  app.get(
    '/api/v1/roles',
    { schema: { tags, summary: 'List the org’s roles', response: { 200: RoleList, ...errorResponses } } },
    async (req) => presentRoles(await viewRoles(ctx, actorOf(req))),
  );

  app.post(
    '/api/v1/roles',
    {
      schema: {
        tags,
        summary: 'Create a custom role (role.manage)',
        body: CreateRoleBody,
        response: { 201: RoleItem, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(presentRole(await createRole(ctx, actorOf(req), req.body))),
  );

  app.get(
    '/api/v1/roles/:id',
    { schema: { tags, summary: 'Get a role', params: IdParams, response: { 200: RoleItem, ...errorResponses } } },
    async (req) => presentRole(await viewRole(ctx, actorOf(req), req.params.id)),
  );

  app.patch(
    '/api/v1/roles/:id',
    {
      schema: {
        tags,
        summary: 'Change a role (role.manage)',
        params: IdParams,
        body: UpdateRoleBody,
        response: { 200: RoleItem, ...errorResponses },
      },
    },
    async (req) => presentRole(await updateRole(ctx, actorOf(req), req.params.id, req.body)),
  );

  app.delete(
    '/api/v1/roles/:id',
    {
      schema: {
        tags,
        summary: 'Delete a custom role no member holds (role.manage)',
        params: IdParams,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (req) => {
      await deleteRole(ctx, actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/members/:id/roles',
    {
      schema: {
        tags,
        summary: 'A member’s roles',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(RoleItem) }), ...errorResponses },
      },
    },
    async (req) => presentRoles(await viewMemberRoles(ctx, actorOf(req), req.params.id)),
  );

  app.put(
    '/api/v1/members/:id/roles',
    {
      schema: {
        tags,
        summary: 'Replace a member’s roles (role.manage)',
        params: IdParams,
        body: SetMemberRolesBody,
        response: { 200: Type.Object({ items: Type.Array(RoleItem) }), ...errorResponses },
      },
    },
    async (req) => presentRoles(await setMemberRoles(ctx, actorOf(req), req.params.id, req.body)),
  );
};
