/** Every feature's routes, in one list; adding a feature means adding a line here. */
import type { FeatureRoutes } from '../http/app-type.js';

export const FEATURE_ROUTES: FeatureRoutes[] = [];
