/** The customer analytics dashboard's texts in English. */
import type { Messages } from '../../../app/i18n/messages';
import type { zhCN } from './i18n-zh-cn';

export const en: Messages<typeof zhCN> = {
  nav: 'Customer analytics',
  title: 'Customer analytics',
  utcNote: 'Days are counted in UTC; only customers in your data scope that are not deleted are counted.',
  filter: {
    range: 'Range',
    owner: 'Owner',
    ownerPlaceholder: 'All owners',
    department: 'Department',
    departmentPlaceholder: 'All departments (with those below)',
    interval: 'Period',
    reset: 'Reset',
  },
  interval: { day: 'By day', week: 'By week', month: 'By month' },
  funnel: {
    title: 'Sales funnel',
    hint: 'Filtered by when customers were added; reached = in the stage now or moved into it before',
    chart: 'Sales funnel chart',
    stage: 'Stage',
    reached: 'Customers reached',
    current: 'Customers now',
    fromPrevious: 'From previous',
    fromFirst: 'From first',
    lost: 'Lost',
    customers: 'Customers: {{count}}',
  },
  trend: {
    title: 'New and lost customers',
    chart: 'New and lost customers over time',
    new: 'New customers',
    lost: 'Lost customers',
    totals: '{{new}} new · {{lost}} lost',
  },
  followUps: {
    title: 'Follow-ups',
    chart: 'Follow-ups bar chart',
    byMember: 'By member',
    byDepartment: 'By department',
    total: '{{count}} in all',
    kind: { call: 'Calls', visit: 'Visits', message: 'Messages', note: 'Notes' },
  },
  download: 'Download Excel',
  downloaded: 'Saved {{filename}}',
  empty: 'Nothing in the chosen range',
};
