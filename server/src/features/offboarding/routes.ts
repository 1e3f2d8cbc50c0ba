/** HTTP adapter for offboarding: one action that departs a member and hands everything over. */
import type { FeatureRoutes } from '../../http/app-type.js';
import { actorOf } from '../../http/auth.js';
import { errorResponses, IdParams } from '../../http/schema-helpers.js';
import { offboardMember } from './offboard-member.js';
import { OffboardBody, OffboardReport } from './schemas.js';

export const offboardingRoutes: FeatureRoutes = (app, ctx) => {
  app.post(
    '/api/v1/members/:id/offboard',
    {
      schema: {
        tags: ['members'],
        summary:
          'Offboard a member in one action (离职交接, member.manage): sign-in disabled and sessions revoked, customers and open follow-ups to the successor, named members or spread evenly (no 24-hour wait), groups to the successor; returns the handover report. Nothing is written if any step is refused',
        params: IdParams,
        body: OffboardBody,
        response: { 200: OffboardReport, ...errorResponses },
      },
    },
    async (req) => offboardMember(ctx, actorOf(req), req.params.id, req.body),
  );
};
