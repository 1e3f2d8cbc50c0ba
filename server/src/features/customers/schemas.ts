/** Request and response schemas of the customer routes (list, form, stage, tags, merge, import, export). */
import { type Static, Type } from '@sinclair/typebox';
import { Id, Name, Obj, Page, PageQuery, Text } from '../../http/schema-helpers.js';
import { FIELD_TEXT_MAX } from './custom-fields.js';
import { COMPANY_MAX, CUSTOMER_NAME_MAX, GENDERS, REGION_MAX, REMARK_MAX, SOURCES, TITLE_MAX } from './rules.js';
import { STAGE_KINDS } from './stages.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);
const NullableString = Type.Union([Type.String(), Type.Null()]);
/** One of the given strings, typed as their union. */
const Literals = <T extends readonly string[]>(values: T, description?: string) =>
  Type.Unsafe<T[number]>(
    Type.Union(
      values.map((v) => Type.Literal(v)),
      description ? { description } : {},
    ),
  );

export const Gender = Literals(GENDERS);
export const Source = Literals(SOURCES, 'manual, import, or contact_link (a member’s contact-me link)');

const Person = Type.Object({ id: Type.String(), name: Type.String() });
const TagRef = Type.Object({
  id: Type.String(),
  name: Type.String(),
  groupId: Type.String(),
  groupName: Type.String(),
  personal: Type.Boolean({ description: 'A personal tag, visible only to you' }),
});
const StageRef = Type.Object({ id: Type.String(), name: Type.String(), kind: Literals(STAGE_KINDS) });
const FieldValue = Type.Union([Type.String(), Type.Number()]);

export const Customer = Type.Object({
  id: Type.String(),
  name: Type.String(),
  namePinyin: Type.String(),
  company: NullableString,
  title: NullableString,
  mobile: Type.Union([Type.String(), Type.Null()], { description: '138****5678 without customer.view_contact' }),
  email: Type.Union([Type.String(), Type.Null()], { description: 'a***@example.com without customer.view_contact' }),
  contactMasked: Type.Boolean({ description: 'True when mobile and email are masked for you' }),
  gender: Gender,
  region: NullableString,
  source: Source,
  remark: NullableString,
  owner: Person,
  stage: Type.Union([StageRef, Type.Null()]),
  tags: Type.Array(TagRef),
  followerIds: Type.Array(Type.String()),
  customFields: Type.Record(Type.String(), FieldValue),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  deletedAt: NullableString,
  restorableUntil: Type.Union([Type.String(), Type.Null()], { description: 'For a deleted customer' }),
});
export type CustomerOut = Static<typeof Customer>;

export const StageMove = Type.Object({
  id: Type.String(),
  from: Type.Union([Type.Object({ id: NullableString, name: Type.String() }), Type.Null()]),
  to: Type.Object({ id: Type.String(), name: Type.String() }),
  by: Type.Union([Person, Type.Null()]),
  note: NullableString,
  at: Type.String(),
});
export type StageMoveOut = Static<typeof StageMove>;

export const CustomerDetail = Type.Object({
  ...Customer.properties,
  followers: Type.Array(Person),
  createdBy: Type.Union([Person, Type.Null()]),
  stageHistory: Type.Array(StageMove, { description: 'Newest first' }),
});
export type CustomerDetailOut = Static<typeof CustomerDetail>;

export const CustomerPage = Page(Customer);

const TagIdList = (description: string) =>
  Type.Optional(Type.Array(Id, { maxItems: 20, uniqueItems: true, description }));

const FilterProps = {
  q: Type.Optional(Text(100, { description: 'Name (also pinyin initials), company, or a mobile number' })),
  tagsAll: TagIdList('Customers with every one of these tags'),
  tagsAny: TagIdList('Customers with at least one of these tags'),
  tagsNone: TagIdList('Customers with none of these tags'),
  stageId: Type.Optional(Id),
  ownerId: Type.Optional(Id),
  source: Type.Optional(Source),
  deleted: Type.Optional(
    Type.Boolean({ default: false, description: 'Deleted customers still restorable (needs customer.delete)' }),
  ),
};
const Filters = Obj(FilterProps);
export type CustomerFilters = Static<typeof Filters>;

export const ListCustomersQuery = Obj({
  ...FilterProps,
  sort: Type.Optional(Literals(['pinyin', 'updated'] as const, 'pinyin (default) or last update, newest first')),
  ...PageQuery,
});
export type ListCustomersInput = Static<typeof ListCustomersQuery>;

export const ExportCustomersQuery = Obj({
  ...FilterProps,
  format: Type.Optional(Literals(['csv', 'xlsx'] as const, 'csv (UTF-8 with BOM, default) or xlsx')),
});
export type ExportCustomersInput = Static<typeof ExportCustomersQuery>;

const CustomFieldsIn = Type.Record(
  Type.String(),
  Type.Union([Type.String({ maxLength: FIELD_TEXT_MAX }), Type.Number(), Type.Null()]),
  { maxProperties: 100, description: 'Custom field id → value; null clears' },
);

const EditableProps = {
  company: Type.Optional(Nullable(Text(COMPANY_MAX))),
  title: Type.Optional(Nullable(Text(TITLE_MAX))),
  mobile: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
  email: Type.Optional(Nullable(Type.String({ maxLength: 254 }))),
  gender: Type.Optional(Gender),
  region: Type.Optional(Nullable(Text(REGION_MAX))),
  remark: Type.Optional(Nullable(Text(REMARK_MAX))),
  customFields: Type.Optional(CustomFieldsIn),
  followerIds: Type.Optional(Type.Array(Id, { maxItems: 20, uniqueItems: true })),
  tagIds: Type.Optional(
    Type.Array(Id, { maxItems: 100, uniqueItems: true, description: 'Replaces the tags you can see' }),
  ),
  force: Type.Optional(Type.Boolean({ description: 'Save even though another customer has the same mobile or email' })),
};

export const CreateCustomerBody = Obj({
  name: Name(CUSTOMER_NAME_MAX),
  ...EditableProps,
  ownerId: Type.Optional(Id),
  stageId: Type.Optional(Id),
});
export type CreateCustomerInput = Static<typeof CreateCustomerBody>;

export const UpdateCustomerBody = Obj({ name: Type.Optional(Name(CUSTOMER_NAME_MAX)), ...EditableProps });
export type UpdateCustomerInput = Static<typeof UpdateCustomerBody>;

export const MoveStageBody = Obj({ stageId: Id, note: Type.Optional(Text(200)) });
export type MoveStageInput = Static<typeof MoveStageBody>;

export const BulkTagBody = Obj({
  customerIds: Type.Array(Id, { minItems: 1, maxItems: 500, uniqueItems: true }),
  addTagIds: Type.Optional(Type.Array(Id, { maxItems: 50, uniqueItems: true })),
  removeTagIds: Type.Optional(Type.Array(Id, { maxItems: 50, uniqueItems: true })),
});
export type BulkTagInput = Static<typeof BulkTagBody>;
export const BulkTagResult = Type.Object({ customers: Type.Integer(), added: Type.Integer(), removed: Type.Integer() });

export const MergeBody = Obj({
  mergeIds: Type.Array(Id, {
    minItems: 1,
    maxItems: 20,
    uniqueItems: true,
    description: 'Customers merged into this one and then removed',
  }),
});
export type MergeInput = Static<typeof MergeBody>;

export const DuplicateGroups = Type.Object({
  groups: Type.Array(
    Type.Object({
      matchedOn: Literals(['mobile', 'email'] as const),
      value: Type.String({ description: 'The shared mobile or email, masked without customer.view_contact' }),
      customers: Type.Array(Customer),
    }),
  ),
});

export const ImportQuery = Obj({
  dryRun: Type.Optional(Type.Boolean({ default: true })),
  allowDuplicates: Type.Optional(
    Type.Boolean({ default: false, description: 'Import rows whose mobile or email an existing customer has' }),
  ),
});

export const ImportResult = Type.Object({
  dryRun: Type.Boolean(),
  total: Type.Integer(),
  valid: Type.Integer(),
  errors: Type.Array(
    Type.Object({ line: Type.Integer(), field: Type.String(), reason: Type.String(), message: Type.String() }),
  ),
  created: Type.Integer(),
});
