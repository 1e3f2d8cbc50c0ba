import type { Messages } from '../../app/i18n/messages';
import type { zhCN } from './i18n-zh-cn';

export const en: Messages<typeof zhCN> = {
  nav: 'Customer groups',
  title: 'Customer groups',
  intro:
    'Turn on “Customer group” in an external group’s settings to see its statistics here and set keyword auto-replies.',
  empty: 'No customer groups yet',
  name: 'Group',
  owner: 'Owner',
  staff: 'Colleagues',
  customers: 'Customers',
  autoReplies: 'Auto-replies',
  flag: 'Customer group',
  flagHelp: 'Customer groups get keyword auto-replies and daily counts of joins, leaves and active members',
  stats: {
    title: 'Last 30 days',
    joins: 'Joined',
    leaves: 'Left',
    active: 'Active members',
    messages: 'Messages',
    chart: 'Customer group per day',
  },
  replies: {
    title: 'Keyword auto-replies',
    help: 'When a customer’s message matches a keyword, the group answers with the set reply',
    keywords: 'Keywords',
    keywordsHelp: 'Press Enter after each one',
    match: 'Match',
    exact: 'Whole message',
    contains: 'Anywhere in it',
    reply: 'Reply',
    add: 'Add a rule',
    remove: 'Remove',
    save: 'Save',
    saved: 'Auto-replies saved',
    none: 'No auto-replies',
    readOnly: 'Only the group’s owner and admins can change these',
  },
};
