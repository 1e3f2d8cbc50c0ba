/** HTTP adapter for departments: schema → one read or command → presenter. */
import type { Ctx } from '../../app/context.js';
import type { App } from '../../http/app-type.js';
import { actorOf } from '../../http/auth.js';
import { errorResponses, IdParams, Ok } from '../../http/schema-helpers.js';
import { createDepartment } from './commands/create-department.js';
import { deleteDepartment } from './commands/delete-department.js';
import { updateDepartment } from './commands/update-department.js';
import { getDepartment, listDepartments } from './reads.js';
import { CreateDepartmentBody, Department, DepartmentList, UpdateDepartmentBody } from './schemas.js';

const tags = ['departments'];

export function departmentRoutes(app: App, ctx: Ctx): void {
  app.get(
    '/api/v1/departments',
    {
      schema: {
        tags,
        summary: 'The department tree within your view scope (needs member.view)',
        response: { 200: DepartmentList, ...errorResponses },
      },
    },
    async (req) => ({ items: await listDepartments(ctx, actorOf(req)) }),
  );

  app.post(
    '/api/v1/departments',
    {
      schema: {
        tags,
        summary: 'Create a department under a parent (needs department.manage)',
        body: CreateDepartmentBody,
        response: { 201: Department, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const row = await createDepartment(ctx, actor, req.body);
      return reply.status(201).send(await getDepartment(ctx, actor, row.id));
    },
  );

  app.get(
    '/api/v1/departments/:id',
    {
      schema: {
        tags,
        summary: 'One department (needs member.view over it)',
        params: IdParams,
        response: { 200: Department, ...errorResponses },
      },
    },
    async (req) => getDepartment(ctx, actorOf(req), req.params.id),
  );

  app.patch(
    '/api/v1/departments/:id',
    {
      schema: {
        tags,
        summary: 'Rename, move, reorder or set the heads of a department (needs department.manage)',
        params: IdParams,
        body: UpdateDepartmentBody,
        response: { 200: Department, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await updateDepartment(ctx, actor, req.params.id, req.body);
      return getDepartment(ctx, actor, req.params.id);
    },
  );

  app.delete(
    '/api/v1/departments/:id',
    {
      schema: {
        tags,
        summary: 'Delete an empty department (needs department.manage)',
        params: IdParams,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (req) => {
      await deleteDepartment(ctx, actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );
}
