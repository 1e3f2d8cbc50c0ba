/** API tokens for integrations (api_token.manage); the secret appears only in the create response. */
import type { Ctx } from '../../app/context.js';
import type { App } from '../../http/app-type.js';
import { actorOf } from '../../http/auth.js';
import { errorResponses, IdParams, Ok } from '../../http/schema-helpers.js';
import { createApiToken } from './commands/create-api-token.js';
import { revokeApiToken } from './commands/revoke-api-token.js';
import { presentApiToken } from './presenter.js';
import { ApiTokenList, CreateApiTokenBody, CreatedApiToken } from './schemas.js';
import { listOrgApiTokens } from './views.js';

const tags = ['api-tokens'];

export function registerApiTokenRoutes(app: App, ctx: Ctx): void {
  app.get(
    '/api/v1/api-tokens',
    {
      schema: {
        tags,
        summary: "The org's API tokens (never their secrets)",
        response: { 200: ApiTokenList, ...errorResponses },
      },
    },
    async (req) => listOrgApiTokens(ctx, actorOf(req)),
  );

  app.post(
    '/api/v1/api-tokens',
    {
      schema: {
        tags,
        summary: 'Create an API token; the token is shown only in this response',
        body: CreateApiTokenBody,
        response: { 200: CreatedApiToken, ...errorResponses },
      },
    },
    async (req) => {
      const created = await createApiToken(ctx, actorOf(req), req.body);
      return { ...presentApiToken(created.row), token: created.token };
    },
  );

  app.delete(
    '/api/v1/api-tokens/:id',
    {
      schema: { tags, summary: 'Revoke an API token', params: IdParams, response: { 200: Ok, ...errorResponses } },
    },
    async (req) => {
      await revokeApiToken(ctx, actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );
}
