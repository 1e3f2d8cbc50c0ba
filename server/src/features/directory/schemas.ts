/** Request and response schemas of the directory routes (departments, members, import). */
import { type Static, Type } from '@sinclair/typebox';
import { Id, Name, Obj, Page, PageQuery, Text } from '../../http/schema-helpers.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

export const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
const DateText = Type.String({ pattern: DATE_PATTERN, description: 'YYYY-MM-DD' });
const NullableId = Type.Union([Id, Type.Null()]);

export const MEMBER_NAME_MAX = 64;
export const TITLE_MAX = 64;

// ---- departments ----

export const Department = Type.Object({
  id: Type.String(),
  parentId: Type.Union([Type.String(), Type.Null()]),
  name: Type.String(),
  sortOrder: Type.Integer(),
  memberCount: Type.Integer(),
  headIds: Type.Array(Type.String()),
});
export type DepartmentOut = Static<typeof Department>;

export const DepartmentList = Type.Object({ items: Type.Array(Department) });

export const CreateDepartmentBody = Obj({
  name: Name(64),
  parentId: Id,
  sortOrder: Type.Optional(Type.Integer({ minimum: -1_000_000, maximum: 1_000_000 })),
});
export type CreateDepartmentInput = Static<typeof CreateDepartmentBody>;

export const UpdateDepartmentBody = Obj({
  name: Type.Optional(Name(64)),
  parentId: Type.Optional(Id),
  sortOrder: Type.Optional(Type.Integer({ minimum: -1_000_000, maximum: 1_000_000 })),
  headIds: Type.Optional(Type.Array(Id, { maxItems: 50, uniqueItems: true })),
});
export type UpdateDepartmentInput = Static<typeof UpdateDepartmentBody>;

// ---- members ----

const MemberStatus = Type.Union([Type.Literal('active'), Type.Literal('disabled'), Type.Literal('departed')]);

export const Member = Type.Object({
  id: Type.String(),
  name: Type.String(),
  namePinyin: Type.String(),
  title: Type.Union([Type.String(), Type.Null()]),
  mobile: Type.Union([Type.String(), Type.Null()]),
  email: Type.Union([Type.String(), Type.Null()]),
  primaryDepartmentId: Type.String(),
  departmentIds: Type.Array(Type.String()),
  supervisorId: Type.Union([Type.String(), Type.Null()]),
  status: MemberStatus,
  joinedOn: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  disabledAt: Type.Union([Type.String(), Type.Null()]),
  departedAt: Type.Union([Type.String(), Type.Null()]),
});
export type MemberOut = Static<typeof Member>;

const Ref = Type.Object({ id: Type.String(), name: Type.String() });

export const MemberDetail = Type.Object({
  ...Member.properties,
  departments: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), isPrimary: Type.Boolean() })),
  supervisor: Type.Union([Ref, Type.Null()]),
  roles: Type.Array(Ref),
  headOfDepartmentIds: Type.Array(Type.String()),
  isDepartmentHead: Type.Boolean(),
});
export type MemberDetailOut = Static<typeof MemberDetail>;

export const MemberPage = Page(Member);

export const ListMembersQuery = Obj({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  departmentId: Type.Optional(Id),
  includeSubdepartments: Type.Optional(Type.Boolean({ default: false })),
  status: Type.Optional(MemberStatus),
  ...PageQuery,
});
export type ListMembersInput = Static<typeof ListMembersQuery>;

const Mobile = Type.String({ maxLength: 20, description: 'Mainland 11 digits or +<digits>' });
const Email = Type.String({ maxLength: 254 });

export const CreateMemberBody = Obj({
  name: Name(MEMBER_NAME_MAX),
  title: Type.Optional(Nullable(Text(TITLE_MAX))),
  mobile: Type.Optional(Nullable(Mobile)),
  email: Type.Optional(Nullable(Email)),
  primaryDepartmentId: Id,
  departmentIds: Type.Optional(Type.Array(Id, { maxItems: 20, uniqueItems: true })),
  supervisorId: Type.Optional(NullableId),
  joinedOn: Type.Optional(Nullable(DateText)),
  password: Type.Optional(Type.String({ maxLength: 128 })),
});
export type CreateMemberInput = Static<typeof CreateMemberBody>;

export const UpdateMemberBody = Obj({
  name: Type.Optional(Name(MEMBER_NAME_MAX)),
  title: Type.Optional(Nullable(Text(TITLE_MAX))),
  mobile: Type.Optional(Nullable(Mobile)),
  email: Type.Optional(Nullable(Email)),
  primaryDepartmentId: Type.Optional(Id),
  departmentIds: Type.Optional(Type.Array(Id, { maxItems: 20, uniqueItems: true })),
  supervisorId: Type.Optional(NullableId),
  joinedOn: Type.Optional(Nullable(DateText)),
});
export type UpdateMemberInput = Static<typeof UpdateMemberBody>;

export const DepartMemberBody = Obj({
  departedOn: Type.Optional(DateText),
  successorId: Type.Optional(
    Type.String({
      format: 'uuid',
      description: 'An active member of the org who takes over the groups the departing member owns',
    }),
  ),
});
export type DepartMemberInput = Static<typeof DepartMemberBody>;

// ---- import ----

export const ImportQuery = Obj({ dryRun: Type.Optional(Type.Boolean({ default: true })) });

export const ImportError = Type.Object({
  line: Type.Integer(),
  field: Type.String(),
  reason: Type.String(),
  message: Type.String(),
});

export const ImportResult = Type.Object({
  dryRun: Type.Boolean(),
  total: Type.Integer(),
  valid: Type.Integer(),
  errors: Type.Array(ImportError),
  created: Type.Integer(),
});
