/** HTTP adapter for customers: schema → one read or command → presenter. */
import type { Ctx } from '../../app/context.js';
import type { App } from '../../http/app-type.js';
import { actorOf } from '../../http/auth.js';
import { errorResponses, IdParams, Ok } from '../../http/schema-helpers.js';
import { createCustomer } from './commands/create-customer.js';
import { deleteCustomer } from './commands/delete-customer.js';
import { mergeCustomers } from './commands/merge-customers.js';
import { moveStage } from './commands/move-stage.js';
import { restoreCustomer } from './commands/restore-customer.js';
import { updateCustomer } from './commands/update-customer.js';
import { customerDetailFor, getCustomerDetail, listCustomers } from './reads.js';
import {
  CreateCustomerBody,
  CustomerDetail,
  CustomerPage,
  ListCustomersQuery,
  MergeBody,
  MoveStageBody,
  UpdateCustomerBody,
} from './schemas.js';

const tags = ['customers'];

export function customerRoutes(app: App, ctx: Ctx): void {
  app.get(
    '/api/v1/customers',
    {
      schema: {
        tags,
        summary:
          'Customers in your scope (own, co-followed, and owned by members in your customer.view reach), filtered by tags (all/any/none), stage, owner, source or keyword; contacts masked without customer.view_contact',
        querystring: ListCustomersQuery,
        response: { 200: CustomerPage, ...errorResponses },
      },
    },
    async (req) => listCustomers(ctx, actorOf(req), req.query),
  );

  app.post(
    '/api/v1/customers',
    {
      schema: {
        tags,
        summary:
          'Add a customer (customer.serve; another owner needs customer.view over them). 409 with the existing customer when the mobile or email is taken, unless force',
        body: CreateCustomerBody,
        response: { 201: CustomerDetail, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const id = await createCustomer(ctx, actor, req.body);
      return reply.status(201).send(await getCustomerDetail(ctx, actor, id));
    },
  );

  app.get(
    '/api/v1/customers/:id',
    {
      schema: {
        tags,
        summary: 'One customer with co-followers and stage history (a deleted one only with customer.delete)',
        params: IdParams,
        response: { 200: CustomerDetail, ...errorResponses },
      },
    },
    async (req) => getCustomerDetail(ctx, actorOf(req), req.params.id),
  );

  app.patch(
    '/api/v1/customers/:id',
    {
      schema: {
        tags,
        summary: 'Edit a customer in your scope: fields, custom fields, co-followers, your visible tags',
        params: IdParams,
        body: UpdateCustomerBody,
        response: { 200: CustomerDetail, ...errorResponses },
      },
    },
    async (req) =>
      customerDetailFor(ctx, await updateCustomer(ctx, actorOf(req), req.params.id, req.body), req.params.id),
  );

  app.delete(
    '/api/v1/customers/:id',
    {
      schema: {
        tags,
        summary: 'Delete a customer (customer.delete over its owner); restorable for 30 days; audited',
        params: IdParams,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (req) => {
      await deleteCustomer(ctx, actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/v1/customers/:id/restore',
    {
      schema: {
        tags,
        summary: 'Restore a customer deleted less than 30 days ago (customer.delete); audited',
        params: IdParams,
        response: { 200: CustomerDetail, ...errorResponses },
      },
    },
    async (req) => customerDetailFor(ctx, await restoreCustomer(ctx, actorOf(req), req.params.id), req.params.id),
  );

  app.post(
    '/api/v1/customers/:id/stage',
    {
      schema: {
        tags,
        summary: 'Move a customer to another stage; the move is kept in its history',
        params: IdParams,
        body: MoveStageBody,
        response: { 200: CustomerDetail, ...errorResponses },
      },
    },
    async (req) => customerDetailFor(ctx, await moveStage(ctx, actorOf(req), req.params.id, req.body), req.params.id),
  );

  app.post(
    '/api/v1/customers/:id/merge',
    {
      schema: {
        tags,
        summary:
          'Merge duplicates into this customer: blanks filled, tags, co-followers and history moved, the others removed (customer.delete over each); audited',
        params: IdParams,
        body: MergeBody,
        response: { 200: CustomerDetail, ...errorResponses },
      },
    },
    async (req) =>
      customerDetailFor(ctx, await mergeCustomers(ctx, actorOf(req), req.params.id, req.body), req.params.id),
  );
}
