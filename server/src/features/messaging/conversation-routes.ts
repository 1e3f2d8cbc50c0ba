import type { FeatureRoutes } from '../../http/app-type.js';

export const conversationRoutes: FeatureRoutes = () => {};
