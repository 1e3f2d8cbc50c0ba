/** What other parts of the server may use from setup: the demo seeding (for `concord demo`). */
export {
  DEMO_ADMIN_LOGIN,
  DEMO_DEPARTMENTS,
  DEMO_MEMBERS,
  DEMO_ORG_NAME,
  demoEmail,
  demoMobile,
} from './demo-data.js';
export { type DemoClash, type DemoResult, findDemoClash, seedDemoOrg } from './demo-seed.js';
