/** HTTP adapter for customer groups: flagging, the list, auto-replies and daily statistics. */
import type { FeatureRoutes } from '../../http/app-type.js';
import { actorOf } from '../../http/auth.js';
import { errorResponses, IdParams, Ok } from '../../http/schema-helpers.js';
import { setAutoReplies, setCustomerGroup } from './commands.js';
import { customerGroupStats } from './group-stats.js';
import { listCustomerGroups, readAutoReplies } from './reads.js';
import { AutoReplies, CustomerGroupList, GroupStats, SetCustomerGroupBody, StatsQuery } from './schemas.js';

const tags = ['customer groups'];

export const customerGroupRoutes: FeatureRoutes = async (app, ctx) => {
  app.put(
    '/api/v1/conversations/:id/customer-group',
    {
      schema: {
        tags,
        summary: 'Make an external group a customer group, or not (its owner or admins; audited)',
        params: IdParams,
        body: SetCustomerGroupBody,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (req) => {
      await setCustomerGroup(ctx, actorOf(req), req.params.id, req.body.enabled);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/customer-groups',
    {
      schema: {
        tags,
        summary: 'Customer groups you are in, and those owned by members your customer.view reaches',
        response: { 200: CustomerGroupList, ...errorResponses },
      },
    },
    async (req) => listCustomerGroups(ctx, actorOf(req)),
  );

  app.get(
    '/api/v1/customer-groups/:id/auto-replies',
    {
      schema: {
        tags,
        summary: 'The group’s keyword auto-replies',
        params: IdParams,
        response: { 200: AutoReplies, ...errorResponses },
      },
    },
    async (req) => readAutoReplies(ctx, actorOf(req), req.params.id),
  );

  app.put(
    '/api/v1/customer-groups/:id/auto-replies',
    {
      schema: {
        tags,
        summary: 'Set the keyword auto-replies a customer’s message gets (owner or admins; audited)',
        params: IdParams,
        body: AutoReplies,
        response: { 200: AutoReplies, ...errorResponses },
      },
    },
    async (req) => ({ rules: await setAutoReplies(ctx, actorOf(req), req.params.id, req.body.rules) }),
  );

  app.get(
    '/api/v1/customer-groups/:id/stats',
    {
      schema: {
        tags,
        summary: 'Joins, leaves, active members and messages per day (China time; 30 days by default, at most 92)',
        params: IdParams,
        querystring: StatsQuery,
        response: { 200: GroupStats, ...errorResponses },
      },
    },
    async (req) => customerGroupStats(ctx, actorOf(req), req.params.id, req.query),
  );
};
