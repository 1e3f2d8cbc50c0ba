/** Sign-in, sign-out, the signed-in member, password and two-factor; plus sessions and API tokens. */

import type { Ctx } from '../../app/context.js';
import type { App, FeatureRoutes } from '../../http/app-type.js';
import { actorOf, requestMeta } from '../../http/auth.js';
import { ErrorBody, errorResponses, Ok } from '../../http/schema-helpers.js';
import { registerApiTokenRoutes } from './api-token-routes.js';
import { changePassword } from './commands/change-password.js';
import { disableTotp, enableTotp, setUpTotp } from './commands/manage-totp.js';
import { signOut } from './commands/revoke-own-sessions.js';
import { signIn } from './commands/sign-in.js';
import {
  ChangePasswordBody,
  LoginBody,
  LoginResponse,
  MeResponse,
  TotpDisableBody,
  TotpEnableBody,
  TotpSetupResponse,
  TotpState,
} from './schemas.js';
import { registerSessionRoutes } from './session-routes.js';
import { readMe } from './views.js';

const tags = ['identity'];

function registerAuthRoutes(app: App, ctx: Ctx): void {
  app.post(
    '/api/v1/auth/login',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Sign in with email or mobile and password (and a two-factor code when on)',
        security: [],
        body: LoginBody,
        response: { 200: LoginResponse, ...errorResponses, 429: ErrorBody },
      },
    },
    async (req) => signIn(ctx, req.body, requestMeta(req)),
  );

  app.post(
    '/api/v1/auth/logout',
    {
      // Reachable while two-factor setup is pending (and by guests), so nobody is stuck signed in.
      config: { totpSetup: true, guest: true },
      schema: { tags, summary: 'Sign out: end the current session', response: { 200: Ok, ...errorResponses } },
    },
    async (req) => {
      await signOut(ctx, actorOf(req));
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/me',
    {
      config: { totpSetup: true },
      schema: {
        tags,
        summary: 'The signed-in member, their org, roles and permissions',
        response: { 200: MeResponse, ...errorResponses },
      },
    },
    async (req) => readMe(ctx, actorOf(req)),
  );

  app.post(
    '/api/v1/me/password',
    {
      schema: {
        tags,
        summary: 'Change your password; your other sessions end',
        body: ChangePasswordBody,
        response: { 200: Ok, ...errorResponses, 429: ErrorBody },
      },
    },
    async (req) => {
      await changePassword(ctx, actorOf(req), req.body);
      return { ok: true as const };
    },
  );
}

function registerTotpRoutes(app: App, ctx: Ctx): void {
  app.post(
    '/api/v1/me/totp/setup',
    {
      config: { totpSetup: true },
      schema: {
        tags,
        summary: 'Start two-factor setup: a new secret for the authenticator app',
        response: { 200: TotpSetupResponse, ...errorResponses },
      },
    },
    async (req) => setUpTotp(ctx, actorOf(req)),
  );

  app.post(
    '/api/v1/me/totp/enable',
    {
      config: { totpSetup: true },
      schema: {
        tags,
        summary: 'Turn two-factor on with a code from the app',
        body: TotpEnableBody,
        response: { 200: TotpState, ...errorResponses },
      },
    },
    async (req) => {
      await enableTotp(ctx, actorOf(req), req.body.code);
      return { totpEnabled: true };
    },
  );

  app.post(
    '/api/v1/me/totp/disable',
    {
      config: { totpSetup: true },
      schema: {
        tags,
        summary: 'Turn two-factor off (refused when the org or a role requires it)',
        body: TotpDisableBody,
        response: { 200: TotpState, ...errorResponses, 429: ErrorBody },
      },
    },
    async (req) => {
      await disableTotp(ctx, actorOf(req), req.body.password);
      return { totpEnabled: false };
    },
  );
}

export const identityRoutes: FeatureRoutes = (app, ctx) => {
  registerAuthRoutes(app, ctx);
  registerTotpRoutes(app, ctx);
  registerSessionRoutes(app, ctx);
  registerApiTokenRoutes(app, ctx);
};
