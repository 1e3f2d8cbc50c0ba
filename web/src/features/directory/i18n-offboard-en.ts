/** Texts of the offboarding wizard, in English; typed to the Chinese keys. */
import type { Messages } from '../../app/i18n/messages';
import type { offboardZhCN } from './i18n-offboard-zh-cn';

export const offboardEn: Messages<typeof offboardZhCN> = {
  title: 'Offboard and hand over',
  intro:
    'Offboard “{{name}}” and hand everything over at once: signed out everywhere and unable to sign in, their customers and open follow-ups go to the colleagues now (departures need no customer consent), and the groups they own go to the successor.',
  mode: 'Customers go to',
  modeSuccessor: 'One colleague',
  modeSpread: 'Several colleagues, evenly',
  successor: 'Successor',
  successorHelp: 'Takes over every customer and group.',
  groupSuccessor: 'Groups go to',
  groupSuccessorHelp: 'Left empty, each group goes to its longest-serving admin or member.',
  spreadOver: 'Spread over',
  spreadHelp: 'Customers are dealt out in name order.',
  submit: 'Offboard and hand over',
  reportTitle: 'Handover report',
  reportSignIn: 'Sign-in disabled, {{count}} sessions ended',
  reportGroups: '{{count}} owned groups go to {{name}}',
  reportGroupsAuto: '{{count}} owned groups go to each group’s admin or longest-serving member',
  reportTodos:
    '{{count}} open to-dos go to the successor where they share the conversation, else back to who assigned them or to the group owner',
  reportCustomers: '{{total}} customers, {{followUps}} open follow-ups, {{cancelled}} waiting transfers cancelled',
  colSuccessor: 'Colleague',
  colCustomers: 'Customers',
  colFollowUps: 'Open follow-ups',
  close: 'Done',
  error: {
    unassigned_customers: '{{count}} customers still need a colleague',
    member_customer_limit: 'The colleague would hold more than {{limit}} customers',
    not_owned: 'A chosen customer is not the member’s',
    self: 'The departing member cannot take over',
  },
};
