/** First-run setup: open to anyone while the server has no org, closed for good afterwards. */
import type { FeatureRoutes } from '../../http/app-type.js';
import { requestMeta } from '../../http/auth.js';
import { ErrorBody, errorResponses } from '../../http/schema-helpers.js';
import { loadDemo } from './commands/load-demo.js';
import { setUpFirstOrg } from './commands/set-up-first-org.js';
import { presentDemo, presentSetupState } from './presenter.js';
import { anyOrgExists } from './queries.js';
import { DemoSetupResponse, SetupBody, SetupResponse, SetupState } from './schemas.js';

const tags = ['setup'];

export const setupRoutes: FeatureRoutes = (app, ctx) => {
  app.get(
    '/api/v1/setup',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Whether the server still needs its first org',
        security: [],
        response: { 200: SetupState, ...errorResponses },
      },
    },
    async () => presentSetupState(await anyOrgExists(ctx.db)),
  );

  app.post(
    '/api/v1/setup',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Create the first org and its owner, and sign the owner in (only while no org exists)',
        security: [],
        body: SetupBody,
        response: { 200: SetupResponse, ...errorResponses, 429: ErrorBody },
      },
    },
    async (req) => setUpFirstOrg(ctx, req.body, requestMeta(req)),
  );

  app.post(
    '/api/v1/setup/demo',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Load the demo org 星河零售 and sign in as its admin (only while no org exists)',
        security: [],
        response: { 200: DemoSetupResponse, ...errorResponses, 429: ErrorBody },
      },
    },
    async (req) => presentDemo(await loadDemo(ctx, requestMeta(req))),
  );
};
