/** Schemas of the quick-reply routes: categories and replies, org-wide or personal. */
import { type Static, Type } from '@sinclair/typebox';
import { Id, Name, Obj, Text } from '../../http/schema-helpers.js';

export const TITLE_MAX = 50;
export const TEXT_MAX = 2000;
export const CATEGORY_NAME_MAX = 30;
export const QUICK_REPLY_SCOPES = ['org', 'personal'] as const;
export const QUICK_REPLY_SORTS = ['usage', 'title'] as const;

const Literals = <T extends readonly string[]>(values: T) =>
  Type.Unsafe<T[number]>(Type.Union(values.map((v) => Type.Literal(v))));
const SortOrder = Type.Integer({ minimum: -1_000_000, maximum: 1_000_000 });
const Scope = Literals(QUICK_REPLY_SCOPES);
const ReplyText = Text(TEXT_MAX, { minLength: 1, description: 'The text inserted into the composer' });
const Person = Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]);

export const Category = Type.Object({
  id: Type.String(),
  name: Type.String(),
  scope: Scope,
  sortOrder: Type.Integer(),
  replyCount: Type.Integer(),
  canEdit: Type.Boolean(),
});
export type CategoryOut = Static<typeof Category>;
export const CategoryList = Type.Object({ items: Type.Array(Category) });

export const CreateCategoryBody = Obj({
  name: Name(CATEGORY_NAME_MAX),
  scope: Scope,
  sortOrder: Type.Optional(SortOrder),
});
export type CreateCategoryInput = Static<typeof CreateCategoryBody>;
export const UpdateCategoryBody = Obj({
  name: Type.Optional(Name(CATEGORY_NAME_MAX)),
  sortOrder: Type.Optional(SortOrder),
});
export type UpdateCategoryInput = Static<typeof UpdateCategoryBody>;

export const QuickReply = Type.Object({
  id: Type.String(),
  title: Type.String(),
  text: Type.String(),
  scope: Scope,
  category: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]),
  useCount: Type.Integer(),
  lastUsedAt: Type.Union([Type.String(), Type.Null()]),
  createdBy: Person,
  updatedBy: Person,
  createdAt: Type.String(),
  updatedAt: Type.String(),
  canEdit: Type.Boolean(),
});
export type QuickReplyOut = Static<typeof QuickReply>;
export const QuickReplyPage = Type.Object({
  items: Type.Array(QuickReply),
  total: Type.Integer(),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

export const ListQuickRepliesQuery = Obj({
  q: Type.Optional(Text(50, { description: 'Keyword in the title or text' })),
  categoryId: Type.Optional(Id),
  scope: Type.Optional(Scope),
  sort: Type.Optional(Literals(QUICK_REPLY_SORTS)),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 100 })),
});
export type ListQuickRepliesInput = Static<typeof ListQuickRepliesQuery>;

export const ExportQuickRepliesQuery = Obj({
  format: Type.Optional(Literals(['csv', 'xlsx'] as const)),
});
export const ImportQuickRepliesResult = Type.Object({
  total: Type.Integer(),
  created: Type.Integer(),
  categoriesCreated: Type.Integer(),
  errors: Type.Array(
    Type.Object({ line: Type.Integer(), field: Type.String(), reason: Type.String(), message: Type.String() }),
  ),
});

export const CreateQuickReplyBody = Obj({
  title: Name(TITLE_MAX),
  text: ReplyText,
  scope: Scope,
  categoryId: Type.Optional(Type.Union([Id, Type.Null()])),
});
export type CreateQuickReplyInput = Static<typeof CreateQuickReplyBody>;

export const UpdateQuickReplyBody = Obj({
  title: Type.Optional(Name(TITLE_MAX)),
  text: Type.Optional(ReplyText),
  categoryId: Type.Optional(Type.Union([Id, Type.Null()])),
});
export type UpdateQuickReplyInput = Static<typeof UpdateQuickReplyBody>;
