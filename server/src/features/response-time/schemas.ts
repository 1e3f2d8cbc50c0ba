/** Request and response schemas of the response-time settings. */
import { type Static, Type } from '@sinclair/typebox';
import { Obj } from '../../http/schema-helpers.js';

const Clock = (description: string, end = false) =>
  Type.String({
    pattern: end ? '^(([01]\\d|2[0-3]):[0-5]\\d|24:00)$' : '^([01]\\d|2[0-3]):[0-5]\\d$',
    description: `${description} (HH:MM, in the time zone)`,
  });

const Fields = {
  workDays: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), {
    minItems: 1,
    maxItems: 7,
    description: 'Working weekdays, 1 = Monday … 7 = Sunday',
  }),
  startTime: Clock('When the working day starts'),
  endTime: Clock('When the working day ends, after the start; 24:00 for midnight', true),
  timeZone: Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone, e.g. Asia/Shanghai' }),
  targetMinutes: Type.Integer({
    minimum: 1,
    maximum: 1440,
    description: 'First-response target in working minutes; the supervisor hears at twice this',
  }),
};

export const SaveSettingsBody = Obj(Fields);
export type SaveSettingsInput = Static<typeof SaveSettingsBody>;

export const ResponseSettingsOut = Type.Object({
  ...Fields,
  escalationMinutes: Type.Integer({ description: 'Working minutes after which the supervisor is alerted' }),
  updatedAt: Type.Union([Type.String(), Type.Null()], { description: 'Null while the defaults apply' }),
});
export type ResponseSettingsOutput = Static<typeof ResponseSettingsOut>;
