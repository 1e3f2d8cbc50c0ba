import type { FeatureRoutes } from '../../http/app-type.js';

export const messageRoutes: FeatureRoutes = () => {};
