/**
 * Public routes of the join page: preview an invite, ask for an email code, join as a guest.
 * They need no account; the invite code is the secret and the email code proves the address.
 */
import type { Ctx } from '../../app/context.js';
import type { FeatureRoutes } from '../../http/app-type.js';
import { requestMeta } from '../../http/auth.js';
import { ErrorBody, errorResponses } from '../../http/schema-helpers.js';
import { CodeParams } from '../messaging/conversation-schemas.js';
import { joinAsGuest } from './commands/join-as-guest.js';
import { sendGuestJoinCode } from './commands/send-join-code.js';
import { previewInvite } from './invite-preview.js';
import { GuestCodeBody, GuestCodeSent, GuestJoinBody, GuestJoined, InvitePreview } from './schemas.js';

const tags = ['guests'];
const publicErrors = { ...errorResponses, 422: ErrorBody, 429: ErrorBody, 503: ErrorBody };

export const guestRoutes: FeatureRoutes = async (app, ctx: Ctx) => {
  app.get(
    '/api/v1/invites/:code',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Preview an invite link: org, group, size and whether it still admits people (no sign-in)',
        params: CodeParams,
        response: { 200: InvitePreview, ...errorResponses },
      },
    },
    async (req) => previewInvite(ctx, req.params.code),
  );

  app.post(
    '/api/v1/invites/:code/email-code',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Email a one-time code to a visitor joining an external group (limited per address and sender)',
        params: CodeParams,
        body: GuestCodeBody,
        response: { 202: GuestCodeSent, ...publicErrors },
      },
    },
    async (req, reply) => {
      const sent = await sendGuestJoinCode(ctx, req.params.code, req.body, requestMeta(req));
      return reply.status(202).send(sent);
    },
  );

  app.post(
    '/api/v1/invites/:code/guest-join',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Join an external group as a guest with the emailed code; answers a session limited to that group',
        params: CodeParams,
        body: GuestJoinBody,
        response: { 200: GuestJoined, ...publicErrors },
      },
    },
    async (req) => joinAsGuest(ctx, req.params.code, req.body, requestMeta(req)),
  );
};
