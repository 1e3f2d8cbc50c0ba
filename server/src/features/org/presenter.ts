/** Org rows → API shape: only settings the API knows are shown. */
import type { OrgView } from './queries.js';

export const presentOrg = (org: OrgView) => ({
  id: org.id,
  name: org.name,
  settings: { requireTotp: org.settings.requireTotp === true },
});
