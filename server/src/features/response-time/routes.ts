/** HTTP adapter of response-time targets: reading and saving the org's working hours and target. */
import type { FeatureRoutes } from '../../http/app-type.js';
import { actorOf } from '../../http/auth.js';
import { errorResponses } from '../../http/schema-helpers.js';
import { saveResponseSettings } from './commands/save-settings.js';
import { readResponseSettings } from './reads.js';
import { ResponseSettingsOut, SaveSettingsBody } from './schemas.js';

const tags = ['response time'];

export const responseTimeRoutes: FeatureRoutes = async (app, ctx) => {
  app.get(
    '/api/v1/response-time/settings',
    {
      schema: {
        tags,
        summary: 'Working days and hours, time zone and first-response target of the org (defaults until saved)',
        response: { 200: ResponseSettingsOut, ...errorResponses },
      },
    },
    async (req) => readResponseSettings(ctx, actorOf(req)),
  );

  app.put(
    '/api/v1/response-time/settings',
    {
      schema: {
        tags,
        summary: 'Save the working hours and first-response target (customer.manage; audited)',
        body: SaveSettingsBody,
        response: { 200: ResponseSettingsOut, ...errorResponses },
      },
    },
    async (req) => saveResponseSettings(ctx, actorOf(req), req.body),
  );
};
