/** Route schemas of sensitive-content lexicons, rules, the "test this text" check and alerts. */
import {
  ALERT_STATUSES,
  SENSITIVE_ACTIONS,
  SENSITIVE_CATEGORIES,
  SENSITIVE_DETECTORS,
  SENSITIVE_LIMITS,
  SENSITIVE_SCOPES,
} from '@concord/protocol';
import { type Static, Type } from '@sinclair/typebox';
import { Id, Name, Obj, Page, PageQuery, Text } from '../../../http/schema-helpers.js';

const Category = Type.Union(SENSITIVE_CATEGORIES.map((c) => Type.Literal(c)));
const Action = Type.Union(SENSITIVE_ACTIONS.map((a) => Type.Literal(a)));
const Scope = Type.Union(SENSITIVE_SCOPES.map((s) => Type.Literal(s)));
const Detector = Type.Union(SENSITIVE_DETECTORS.map((d) => Type.Literal(d)));
const AlertStatus = Type.Union(ALERT_STATUSES.map((s) => Type.Literal(s)));
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

// Words are trimmed and checked by the command, which names the word at fault; the schema only
// bounds the request (duplicates count here, so it allows more than the lexicon may keep).
const Words = Type.Array(Text(SENSITIVE_LIMITS.wordMax * 2), {
  maxItems: SENSITIVE_LIMITS.wordsPerLexicon * 2,
  description: `Words, each 1–${SENSITIVE_LIMITS.wordMax} characters once trimmed; at most ${SENSITIVE_LIMITS.wordsPerLexicon} after de-duplication`,
});

export const CreateLexiconBody = Obj({ name: Name(60), category: Category, words: Words });
export type CreateLexiconInput = Static<typeof CreateLexiconBody>;

export const UpdateLexiconBody = Obj({
  name: Type.Optional(Name(60)),
  category: Type.Optional(Category),
  words: Type.Optional(Words),
});
export type UpdateLexiconInput = Static<typeof UpdateLexiconBody>;

const LexiconFields = {
  id: Type.String(),
  name: Type.String(),
  category: Category,
  version: Type.Integer(),
  wordCount: Type.Integer(),
  updatedAt: Type.String(),
};
export const LexiconSummary = Type.Object(LexiconFields);
export const Lexicon = Type.Object({ ...LexiconFields, words: Type.Array(Type.String()) });
export const LexiconList = Type.Object({ items: Type.Array(LexiconSummary) });

const RuleFields = {
  name: Name(60),
  enabled: Type.Optional(Type.Boolean()),
  lexiconIds: Type.Array(Id, { maxItems: SENSITIVE_LIMITS.lexiconsPerRule }),
  detectors: Type.Array(Detector, { maxItems: SENSITIVE_DETECTORS.length }),
  action: Action,
  scope: Scope,
  departmentIds: Type.Optional(Type.Array(Id, { maxItems: 500 })),
};
export const CreateRuleBody = Obj(RuleFields);
export type CreateRuleInput = Static<typeof CreateRuleBody>;
export const UpdateRuleBody = Obj({
  name: Type.Optional(RuleFields.name),
  enabled: Type.Optional(Type.Boolean()),
  lexiconIds: Type.Optional(RuleFields.lexiconIds),
  detectors: Type.Optional(RuleFields.detectors),
  action: Type.Optional(Action),
  scope: Type.Optional(Scope),
  departmentIds: RuleFields.departmentIds,
});
export type UpdateRuleInput = Static<typeof UpdateRuleBody>;

export const Rule = Type.Object({
  id: Type.String(),
  name: Type.String(),
  enabled: Type.Boolean(),
  lexiconIds: Type.Array(Type.String()),
  detectors: Type.Array(Detector),
  action: Action,
  scope: Scope,
  departmentIds: Type.Array(Type.String()),
  updatedAt: Type.String(),
});
export const RuleList = Type.Object({ items: Type.Array(Rule) });

export const Hit = Type.Object({
  type: Type.Union([Type.Literal('word'), Type.Literal('detector')]),
  /** The lexicon word (for a word hit) or the detector kind. */
  word: Type.Optional(Type.String()),
  category: Type.Optional(Category),
  kind: Type.Optional(Detector),
  /** The span of the text as written, [start, end) in UTF-16 units, and what it says. */
  start: Type.Integer(),
  end: Type.Integer(),
  text: Type.String(),
});

export const TestTextBody = Obj({ text: Text(5000, { minLength: 1 }) });
export const TestTextOut = Type.Object({
  action: Type.Union([Action, Type.Null()]),
  masked: Type.String(),
  rules: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      action: Action,
      scope: Scope,
      hits: Type.Array(Hit),
    }),
  ),
});

const Range = {
  from: Type.Optional(Type.String({ format: 'date-time', description: 'Alerts at or after this instant' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'Alerts before this instant' })),
};
export const AlertListQuery = Obj({
  status: Type.Optional(AlertStatus),
  ruleId: Type.Optional(Id),
  memberId: Type.Optional(Id),
  ...Range,
  ...PageQuery,
});
export type AlertListInput = Static<typeof AlertListQuery>;
export const AlertStatsQuery = Obj(Range);

export const Alert = Type.Object({
  id: Type.String(),
  rule: Type.Object({ id: Type.String(), name: Type.String() }),
  action: Action,
  outcome: Action,
  source: Type.Union([Type.Literal('send'), Type.Literal('edit')]),
  conversation: Type.Object({ id: Type.String(), name: Nullable(Type.String()), kind: Type.String() }),
  messageId: Nullable(Type.String()),
  sender: Type.Object({ id: Type.String(), name: Type.String() }),
  text: Type.String(),
  hits: Type.Array(Hit),
  status: AlertStatus,
  note: Nullable(Type.String()),
  reviewedBy: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]),
  reviewedAt: Nullable(Type.String()),
  createdAt: Type.String(),
});
export const AlertPage = Page(Alert);

export const ReviewAlertBody = Obj({ status: AlertStatus, note: Type.Optional(Text(1000)) });
export type ReviewAlertInput = Static<typeof ReviewAlertBody>;

export const AlertStats = Type.Object({
  total: Type.Integer(),
  byMember: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), count: Type.Integer() })),
  byRule: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), count: Type.Integer() })),
  byDay: Type.Array(
    Type.Object({ day: Type.String({ description: 'YYYY-MM-DD, China time' }), count: Type.Integer() }),
    { description: 'Days with alerts, oldest first' },
  ),
});
