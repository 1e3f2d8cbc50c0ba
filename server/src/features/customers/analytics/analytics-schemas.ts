/** Query and response schemas of the customer analytics reports (funnel, new/lost trend, follow-ups). */
import { type Static, Type } from '@sinclair/typebox';
import { Id, Obj } from '../../../http/schema-helpers.js';
import { FOLLOW_UP_KINDS } from '../follow-up-schemas.js';
import { STAGE_KINDS } from '../stages.js';
import { INTERVALS } from './time-buckets.js';

const Literals = <T extends readonly string[]>(values: T, description?: string) =>
  Type.Unsafe<T[number]>(
    Type.Union(
      values.map((v) => Type.Literal(v)),
      description ? { description } : {},
    ),
  );

const Uuid = (description: string) => Type.String({ format: 'uuid', description });

const Day = (description: string) =>
  Type.Optional(
    Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: `${description} (YYYY-MM-DD, China time)` }),
  );

export const REPORT_LANGUAGES = ['zh-CN', 'en'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

const Output = {
  format: Type.Optional(Literals(['json', 'xlsx'] as const, 'json (default) or xlsx (needs data.export; audited)')),
  lang: Type.Optional(
    Literals(REPORT_LANGUAGES, 'Language of the XLSX sheet and headers; default from Accept-Language, else zh-CN'),
  ),
};

const CustomerFilter = {
  ownerId: Type.Optional(Id),
  departmentId: Type.Optional(Uuid('Owners in this department or below it')),
  tagId: Type.Optional(Id),
};

export const FunnelQuery = Obj({
  from: Day('Customers created on or after this day'),
  to: Day('Customers created on or before this day'),
  ...CustomerFilter,
  ...Output,
});
export type FunnelInput = Static<typeof FunnelQuery>;

export const TrendQuery = Obj({
  from: Day('First day; default 29 days before `to`'),
  to: Day('Last day; default today'),
  interval: Type.Optional(Literals(INTERVALS, 'day (default), week (from Monday) or month')),
  ...CustomerFilter,
  ...Output,
});
export type TrendInput = Static<typeof TrendQuery>;

export const FollowUpStatsQuery = Obj({
  from: Day('First day; default 29 days before `to`'),
  to: Day('Last day; default today'),
  memberId: Type.Optional(Uuid('Follow-ups written by this member')),
  departmentId: Type.Optional(Uuid('Follow-ups written by members of this department or below it')),
  tagId: Type.Optional(Uuid('Follow-ups of customers with this tag')),
  ...Output,
});
export type FollowUpStatsInput = Static<typeof FollowUpStatsQuery>;

const Rate = Type.Union([Type.Number(), Type.Null()], { description: 'A ratio from 0 (4 decimals); null over 0' });
const Range = Type.Object({
  from: Type.Union([Type.String(), Type.Null()]),
  to: Type.Union([Type.String(), Type.Null()]),
});
const TimeZone = Type.String({ description: 'Days are counted in this time zone' });

const FunnelStage = Type.Object({
  stageId: Type.String(),
  name: Type.String(),
  kind: Literals(STAGE_KINDS),
  reached: Type.Integer({ description: 'Customers in this stage now or moved into it before' }),
  current: Type.Integer({ description: 'Customers in this stage now' }),
  fromPrevious: Type.Union([Type.Number(), Type.Null()], {
    description: 'reached ÷ the previous step’s reached (null for the first step and for lost stages)',
  }),
  fromFirst: Rate,
});
export type FunnelStageOut = Static<typeof FunnelStage>;

export const Funnel = Type.Object({
  range: Range,
  timeZone: TimeZone,
  customers: Type.Integer({ description: 'Customers the filters find in your data scope' }),
  steps: Type.Array(FunnelStage, { description: 'Open and won stages in pipeline order' }),
  lost: Type.Array(FunnelStage, { description: 'Lost stages, rated against the first step' }),
});
export type FunnelOut = Static<typeof Funnel>;

export const Trend = Type.Object({
  range: Range,
  timeZone: TimeZone,
  interval: Literals(INTERVALS),
  buckets: Type.Array(
    Type.Object({
      start: Type.String({ description: 'First day of the period' }),
      new: Type.Integer({ description: 'Customers created in the period' }),
      lost: Type.Integer({ description: 'Customers moved into a lost stage in the period' }),
    }),
  ),
  totals: Type.Object({ new: Type.Integer(), lost: Type.Integer() }),
});
export type TrendOut = Static<typeof Trend>;

const KindCounts = {
  call: Type.Integer(),
  visit: Type.Integer(),
  message: Type.Integer(),
  note: Type.Integer(),
  total: Type.Integer(),
};

export const FollowUpStats = Type.Object({
  range: Range,
  timeZone: TimeZone,
  kinds: Type.Array(Literals(FOLLOW_UP_KINDS)),
  byMember: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      departmentId: Type.String({ description: 'The member’s primary department' }),
      departmentName: Type.String(),
      ...KindCounts,
    }),
  ),
  byDepartment: Type.Array(
    Type.Object(
      { id: Type.String(), name: Type.String(), ...KindCounts },
      { description: 'Counted by each author’s primary department' },
    ),
  ),
  totals: Type.Object(KindCounts),
});
export type FollowUpStatsOut = Static<typeof FollowUpStats>;

export const ResponseTimeQuery = Obj({
  from: Day('First day customers wrote; default 29 days before `to`'),
  to: Day('Last day customers wrote; default today'),
  ownerId: Type.Optional(Uuid('Messages to customers of this member (the owner when they wrote)')),
  departmentId: Type.Optional(Uuid('Owners in this department or below it')),
  ...Output,
});
export type ResponseTimeInput = Static<typeof ResponseTimeQuery>;

export const RESPONSE_BUCKETS = ['lt1', '1to5', '5to10', '10to30', '30to60', 'gt60'] as const;
export type ResponseBucket = (typeof RESPONSE_BUCKETS)[number];

const Minutes = Type.Union([Type.Number(), Type.Null()], {
  description: 'Working minutes (1 decimal); null when nothing was answered',
});
const ResponseCounts = {
  messages: Type.Integer({ description: 'Customer messages in the period' }),
  answered: Type.Integer({ description: 'Of those, answered by a member' }),
  medianMinutes: Minutes,
  p90Minutes: Minutes,
  overdue: Type.Integer({ description: 'Answered after the target, or still waiting past it' }),
};

export const ResponseTimeStats = Type.Object({
  range: Range,
  timeZone: TimeZone,
  workingTimeZone: Type.String({ description: 'The zone working hours are read in' }),
  targetMinutes: Type.Integer(),
  distribution: Type.Array(
    Type.Object({
      bucket: Literals(RESPONSE_BUCKETS, 'Working minutes to first reply: <1, 1–5, 5–10, 10–30, 30–60, >60'),
      count: Type.Integer(),
    }),
  ),
  byMember: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      departmentId: Type.String({ description: 'The member’s primary department' }),
      departmentName: Type.String(),
      ...ResponseCounts,
    }),
  ),
  totals: Type.Object(ResponseCounts),
});
export type ResponseTimeStatsOut = Static<typeof ResponseTimeStats>;
