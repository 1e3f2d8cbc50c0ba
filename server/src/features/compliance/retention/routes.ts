/** Retention policy, legal holds and an on-demand purge (archive.manage). */
import { Type } from '@sinclair/typebox';
import type { Ctx } from '../../../app/context.js';
import { assertMay } from '../../../authz/may.js';
import type { FeatureRoutes } from '../../../http/app-type.js';
import { actorOf } from '../../../http/auth.js';
import { errorResponses, Id, IdParams, Obj, Text } from '../../../http/schema-helpers.js';
import { listHolds, placeHold, releaseHold } from './legal-holds.js';
import { purgeExpired } from './purge-expired.js';
import { readRetention, updateRetention } from './retention-policy.js';

const tags = ['archive'];
const KeepDays = Type.Union([Type.Integer({ minimum: 1, maximum: 36500 }), Type.Null()]);
const Retention = Obj({
  keepDays: KeepDays,
  departments: Type.Array(Obj({ departmentId: Id, keepDays: KeepDays }), { maxItems: 200 }),
});
const HoldKind = Type.Union([Type.Literal('member'), Type.Literal('conversation'), Type.Literal('customer')], {
  description: 'member: a colleague or external participant; customer: every chat of the customer and what they wrote',
});
const Hold = Type.Object({
  id: Type.String(),
  kind: HoldKind,
  targetId: Type.String(),
  targetName: Type.Union([Type.String(), Type.Null()], {
    description: 'The member’s or customer’s name, or the conversation’s (a direct chat: its members’ names)',
  }),
  targetKind: Type.Union([Type.String(), Type.Null()], { description: 'For a member: staff or guest' }),
  targetStatus: Type.Union([Type.String(), Type.Null()], {
    description: 'For a member: active, disabled or departed; for a customer: active or deleted',
  }),
  reason: Type.String(),
  createdBy: Type.String(),
  createdByName: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  releasedAt: Type.Union([Type.String(), Type.Null()]),
});
const HoldBody = Obj({
  kind: HoldKind,
  targetId: Id,
  reason: Text(500, { minLength: 1 }),
});
const PurgeOut = Type.Object({
  purged: Type.Integer(),
  spans: Type.Array(Type.Object({ firstSeq: Type.Integer(), lastSeq: Type.Integer() })),
});

export const retentionRoutes: FeatureRoutes = async (app, ctx: Ctx) => {
  app.get(
    '/api/v1/archive/retention',
    {
      schema: {
        tags,
        summary: 'How long archived content is kept (archive.manage)',
        response: { 200: Retention, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await assertMay(ctx, actor, 'archive.manage');
      return readRetention(ctx.db, actor.orgId);
    },
  );
  app.put(
    '/api/v1/archive/retention',
    {
      schema: {
        tags,
        summary:
          'Set the retention period (days, null = for ever) and per-department periods (archive.manage; audited)',
        body: Retention,
        response: { 200: Retention, ...errorResponses },
      },
    },
    async (req) => updateRetention(ctx, actorOf(req), req.body),
  );
  app.post(
    '/api/v1/archive/retention/run',
    {
      schema: {
        tags,
        summary: 'Purge expired content now, as the daily job does; answers what was removed (archive.manage; audited)',
        response: { 200: PurgeOut, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await assertMay(ctx, actor, 'archive.manage');
      return purgeExpired(ctx, actor.orgId, actor);
    },
  );
  app.get(
    '/api/v1/archive/holds',
    {
      schema: {
        tags,
        summary: 'Legal holds, newest first (archive.manage)',
        response: { 200: Type.Object({ items: Type.Array(Hold) }), ...errorResponses },
      },
    },
    async (req) => ({ items: await listHolds(ctx, actorOf(req)) }),
  );
  app.post(
    '/api/v1/archive/holds',
    {
      schema: {
        tags,
        summary: 'Place a legal hold on a member, an external participant or a conversation (archive.manage; audited)',
        body: HoldBody,
        response: { 200: Hold, ...errorResponses },
      },
    },
    async (req) => placeHold(ctx, actorOf(req), req.body),
  );
  app.post(
    '/api/v1/archive/holds/:id/release',
    {
      schema: {
        tags,
        summary: 'Release a legal hold (archive.manage; audited)',
        params: IdParams,
        response: { 200: Hold, ...errorResponses },
      },
    },
    async (req) => releaseHold(ctx, actorOf(req), req.params.id),
  );
};
