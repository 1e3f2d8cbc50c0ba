/** The directory's routes: departments, members and the bulk import. */
import type { FeatureRoutes } from '../../http/app-type.js';
import { departmentRoutes } from './department-routes.js';
import { importRoute } from './import-route.js';
import { memberRoutes } from './member-routes.js';

export const directoryRoutes: FeatureRoutes = (app, ctx) => {
  departmentRoutes(app, ctx);
  importRoute(app, ctx);
  memberRoutes(app, ctx);
};
