/** HTTP routes for the org's own name and settings. */
import type { FeatureRoutes } from '../../http/app-type.js';
import { actorOf } from '../../http/auth.js';
import { errorResponses } from '../../http/schema-helpers.js';
import { notFound } from '../../platform/errors.js';
import { updateOrg } from './commands/update-org.js';
import { presentOrg } from './presenter.js';
import { findOrg } from './queries.js';
import { OrgOut, UpdateOrgBody } from './schemas.js';

const tags = ['org'];

export const orgRoutes: FeatureRoutes = (app, ctx) => {
  app.get(
    '/api/v1/org',
    {
      // Open during two-factor setup too: the setup screen shows which org asks for it.
      config: { totpSetup: true },
      schema: { tags, summary: 'The signed-in member’s org', response: { 200: OrgOut, ...errorResponses } },
    },
    async (req) => {
      const org = await findOrg(ctx.db, actorOf(req).orgId);
      if (!org) throw notFound('org');
      return presentOrg(org);
    },
  );

  app.patch(
    '/api/v1/org',
    {
      schema: {
        tags,
        summary: 'Rename the org or change its settings (org.manage)',
        body: UpdateOrgBody,
        response: { 200: OrgOut, ...errorResponses },
      },
    },
    async (req) => presentOrg(await updateOrg(ctx, actorOf(req), req.body)),
  );
};
