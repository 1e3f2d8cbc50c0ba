/** Request and response schemas of the work-group tools: anti-harassment rules, announcement
 * confirmations, to-dos from messages and messages marked for later. */
import { type Static, Type } from '@sinclair/typebox';
import { Id, Obj, Text } from '../../http/schema-helpers.js';
import { KEYWORD_LENGTH_MAX, KEYWORDS_MAX } from './harassment-rules.js';

const NullableString = Type.Union([Type.String(), Type.Null()]);
const MemberRef = Type.Object({ id: Type.String(), name: Type.String() });

// ---- anti-harassment ----

const FloodLimit = Obj({
  maxMessages: Type.Integer({ minimum: 1, maximum: 1000 }),
  perSeconds: Type.Integer({ minimum: 1, maximum: 86_400 }),
});
const ActionSchema = Type.Union([Type.Literal('warn'), Type.Literal('delete'), Type.Literal('remove')], {
  description:
    'What happens to a plain member who breaks a rule: every action refuses the message; remove also removes them',
});

export const HarassmentRulesBody = Obj({
  blockLinks: Type.Boolean(),
  blockedKeywords: Type.Array(Text(KEYWORD_LENGTH_MAX, { minLength: 1 }), { maxItems: KEYWORDS_MAX }),
  flood: Type.Union([FloodLimit, Type.Null()], { description: 'At most maxMessages per member within perSeconds' }),
  action: ActionSchema,
});
export type HarassmentRulesInput = Static<typeof HarassmentRulesBody>;

export const HarassmentRulesOut = Type.Object({
  blockLinks: Type.Boolean(),
  blockedKeywords: Type.Array(Type.String()),
  flood: Type.Union([Type.Object({ maxMessages: Type.Integer(), perSeconds: Type.Integer() }), Type.Null()]),
  action: Type.String(),
});

// ---- announcement ----

export const AnnouncementOut = Type.Object({
  text: NullableString,
  updatedAt: NullableString,
  confirmed: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), at: Type.String() })),
  pending: Type.Array(MemberRef),
  confirmedByMe: Type.Boolean(),
});
export type AnnouncementView = Static<typeof AnnouncementOut>;

// ---- to-dos ----

export const CreateTodoBody = Obj({
  assigneeIds: Type.Array(Id, { minItems: 1, maxItems: 100 }),
  dueAt: Type.Optional(Type.String({ format: 'date-time', description: 'When it is due (ISO 8601)' })),
});
export type CreateTodoInput = Static<typeof CreateTodoBody>;

export const ListTodosQuery = Type.Object({
  status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('done')])),
  role: Type.Optional(
    Type.Union([Type.Literal('assignee'), Type.Literal('creator')], {
      description: 'To-dos assigned to you (default) or that you made for others',
    }),
  ),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
});
export type ListTodosInput = Static<typeof ListTodosQuery>;

const MessagePreview = Type.Object({
  id: Type.String(),
  conversationId: Type.String(),
  conversationName: Type.String(),
  seq: Type.Integer(),
  senderName: NullableString,
  preview: Type.String({ description: 'The start of the message; empty once recalled' }),
  recalled: Type.Boolean(),
  at: Type.String(),
});
export type MessagePreviewOut = Static<typeof MessagePreview>;

export const Todo = Type.Object({
  id: Type.String(),
  status: Type.String(),
  dueAt: NullableString,
  doneAt: NullableString,
  createdAt: Type.String(),
  creator: MemberRef,
  assignee: MemberRef,
  message: MessagePreview,
});
export type TodoOut = Static<typeof Todo>;
export const TodoList = Type.Object({ items: Type.Array(Todo) });
export const TodoPage = Type.Object({ items: Type.Array(Todo), nextCursor: NullableString });

// ---- bookmarks ----

export const ListBookmarksQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
});
export type ListBookmarksInput = Static<typeof ListBookmarksQuery>;

export const Bookmark = Type.Object({ bookmarkedAt: Type.String(), message: MessagePreview });
export type BookmarkOut = Static<typeof Bookmark>;
export const BookmarkPage = Type.Object({ items: Type.Array(Bookmark), nextCursor: NullableString });
