/**
 * The archive notice and consents: members read and accept the notice, see a conversation's
 * archive state; external participants answer it from their chat page; compliance staff list
 * everyone's status.
 */
import type { Ctx } from '../../../app/context.js';
import type { FeatureRoutes } from '../../../http/app-type.js';
import { actorOf } from '../../../http/auth.js';
import { errorResponses, IdParams } from '../../../http/schema-helpers.js';
import { acceptNotice } from './accept-notice.js';
import { readConversationConsent } from './conversation-consent.js';
import { changeGuestConsent, readGuestConsent } from './guest-consent.js';
import { listConsents } from './list-consents.js';
import { readNoticeState } from './notice-state.js';
import {
  AcceptBody,
  ConsentListOut,
  ConsentListQuery,
  ConversationConsentOut,
  GuestConsentBody,
  GuestConsentOut,
  NoticeState,
} from './schemas.js';

const tags = ['archive'];

export const consentRoutes: FeatureRoutes = async (app, ctx: Ctx) => {
  app.get(
    '/api/v1/archive/notice',
    {
      schema: {
        tags,
        summary: 'The archive notice in force, whether archiving reaches you and whether you accepted it',
        response: { 200: NoticeState, ...errorResponses },
      },
    },
    async (req) => readNoticeState(ctx.db, actorOf(req)),
  );

  app.post(
    '/api/v1/archive/notice/accept',
    {
      schema: {
        tags,
        summary: 'Accept the archive notice you were shown (recorded and archived); 409 when it changed meanwhile',
        body: AcceptBody,
        response: { 200: NoticeState, ...errorResponses },
      },
    },
    async (req) => acceptNotice(ctx, actorOf(req), req.body.version),
  );

  app.get(
    '/api/v1/archive/conversations/:id/consent',
    {
      schema: {
        tags,
        summary:
          'Whether a conversation you are in is archived, and which external participants declined the notice (and what that means)',
        params: IdParams,
        response: { 200: ConversationConsentOut, ...errorResponses },
      },
    },
    async (req) => readConversationConsent(ctx, actorOf(req), req.params.id),
  );

  app.get(
    '/api/v1/archive/consents',
    {
      schema: {
        tags,
        summary:
          'Each member’s acceptance and each external participant’s answer to the archive notice (archive.view or archive.manage, within its data scope)',
        querystring: ConsentListQuery,
        response: { 200: ConsentListOut, ...errorResponses },
      },
    },
    async (req) => listConsents(ctx, actorOf(req), req.query),
  );

  app.get(
    '/api/v1/guest/consent',
    {
      config: { guest: true },
      schema: {
        tags,
        summary: 'For an external participant: the archive notice of their group and their answer to it',
        response: { 200: GuestConsentOut, ...errorResponses },
      },
    },
    async (req) => readGuestConsent(ctx.db, actorOf(req)),
  );

  app.post(
    '/api/v1/guest/consent',
    {
      config: { guest: true },
      schema: {
        tags,
        summary:
          'For an external participant: agree to or decline (withdraw) the archive notice; recorded and archived; 409 when it changed meanwhile',
        body: GuestConsentBody,
        response: { 200: GuestConsentOut, ...errorResponses },
      },
    },
    async (req) => changeGuestConsent(ctx, actorOf(req), req.body),
  );
};
