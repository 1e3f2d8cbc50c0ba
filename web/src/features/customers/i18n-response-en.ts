/** The response-time settings tab's texts in English. */
import type { Messages } from '../../app/i18n/messages';
import type { responseZhCN } from './i18n-response-zh-cn';

export const responseEn: Messages<typeof responseZhCN> = {
  tab: 'Response time',
  hint: 'First replies to customers’ messages in customer chats are timed in working hours; the owner is reminded when a message waits past the target, their supervisor at twice the target.',
  workDays: 'Working days',
  workDaysRequired: 'Choose at least one working day',
  hours: 'Working hours',
  start: 'Starts',
  end: 'Ends',
  timeZone: 'Time zone',
  target: 'First-response target',
  minutes: 'minutes',
  escalation: 'The supervisor is reminded after {{minutes}} working minutes without a reply',
  save: 'Save',
  saved: 'Response-time settings saved',
  defaults: 'The default settings apply',
  weekday: { 1: 'Mon', 2: 'Tue', 3: 'Wed', 4: 'Thu', 5: 'Fri', 6: 'Sat', 7: 'Sun' },
};
