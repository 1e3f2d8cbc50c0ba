/** HTTP adapter for follow-ups on a customer. */
import type { Ctx } from '../../app/context.js';
import type { App } from '../../http/app-type.js';
import { actorOf } from '../../http/auth.js';
import { errorResponses, IdParams } from '../../http/schema-helpers.js';
import { addFollowUp } from './commands/add-follow-up.js';
import { getFollowUp, listFollowUps } from './follow-up-reads.js';
import { AddFollowUpBody, FollowUp, FollowUpList } from './follow-up-schemas.js';

const tags = ['customers'];

export function followUpRoutes(app: App, ctx: Ctx): void {
  app.get(
    '/api/v1/customers/:id/follow-ups',
    {
      schema: {
        tags,
        summary: 'A customer’s follow-ups (calls, visits, messages, notes), newest first',
        params: IdParams,
        response: { 200: FollowUpList, ...errorResponses },
      },
    },
    async (req) => listFollowUps(ctx, actorOf(req), req.params.id),
  );

  app.post(
    '/api/v1/customers/:id/follow-ups',
    {
      schema: {
        tags,
        summary: 'Record a follow-up on a customer in your scope; a next date queues a reminder for you',
        params: IdParams,
        body: AddFollowUpBody,
        response: { 201: FollowUp, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const id = await addFollowUp(ctx, actor, req.params.id, req.body);
      return reply.status(201).send(await getFollowUp(ctx, actor, req.params.id, id));
    },
  );
}
