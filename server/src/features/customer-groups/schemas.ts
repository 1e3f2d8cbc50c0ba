/** Wire shapes of the customer-group routes. */
import { Type } from '@sinclair/typebox';
import { Obj, Text } from '../../http/schema-helpers.js';
import { AUTO_REPLY_LIMITS } from './auto-reply-rules.js';

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD, China time' });

export const SetCustomerGroupBody = Obj({ enabled: Type.Boolean() });

export const AutoReplyRule = Obj({
  keywords: Type.Array(Text(AUTO_REPLY_LIMITS.keywordLength), { minItems: 1, maxItems: AUTO_REPLY_LIMITS.keywords }),
  match: Type.Union([Type.Literal('exact'), Type.Literal('contains')]),
  reply: Text(AUTO_REPLY_LIMITS.replyLength, { minLength: 1 }),
});

export const AutoReplies = Obj({ rules: Type.Array(AutoReplyRule, { maxItems: AUTO_REPLY_LIMITS.rules }) });

export const CustomerGroupList = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      owner: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]),
      staffCount: Type.Integer(),
      customerCount: Type.Integer(),
      autoReplyCount: Type.Integer(),
      flaggedAt: Type.String(),
      manageable: Type.Boolean(),
    }),
  ),
});

export const StatsQuery = Obj({ from: Type.Optional(Day), to: Type.Optional(Day) });

export const GroupStats = Type.Object({
  days: Type.Array(
    Type.Object({
      day: Type.String(),
      joins: Type.Integer(),
      leaves: Type.Integer(),
      activeMembers: Type.Integer(),
      messages: Type.Integer(),
    }),
  ),
  totals: Type.Object({ joins: Type.Integer(), leaves: Type.Integer(), messages: Type.Integer() }),
});
