/** Request and response schemas of the conversation, membership and invite routes. */
import { type Static, Type } from '@sinclair/typebox';
import { Id, Name, Obj, Text } from '../../http/schema-helpers.js';

export const CONVERSATION_NAME_MAX = 64;
export const ANNOUNCEMENT_MAX = 2000;
export const WELCOME_MAX = 500;
/** Conversations listed at most; a member's list is small, so no cursor is needed. */
export const CONVERSATION_LIST_MAX = 500;

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);
const MemberIds = Type.Array(Id, { maxItems: 10_000 });
const DepartmentIds = Type.Array(Id, { maxItems: 200 });
const AvatarUrl = Text(1000);

// ---- requests ----

export const CreateDirectBody = Obj({ kind: Type.Literal('direct'), memberId: Id });
export const CreateGroupBody = Obj({
  kind: Type.Union([Type.Literal('group'), Type.Literal('external')]),
  name: Name(CONVERSATION_NAME_MAX),
  avatarUrl: Type.Optional(AvatarUrl),
  memberIds: Type.Optional(MemberIds),
  departmentIds: Type.Optional(DepartmentIds),
  followDepartmentId: Type.Optional(Id),
});
export const CreateConversationBody = Type.Union([CreateDirectBody, CreateGroupBody]);
export type CreateDirectInput = Static<typeof CreateDirectBody>;
export type CreateGroupInput = Static<typeof CreateGroupBody>;
export type CreateConversationInput = Static<typeof CreateConversationBody>;

export const ListConversationsQuery = Type.Object({
  q: Type.Optional(Text(64, { description: 'Part of the conversation name (or the other member’s name)' })),
});
export type ListConversationsInput = Static<typeof ListConversationsQuery>;

export const SettingsInput = Obj({
  onlyAdminsInvite: Type.Optional(Type.Boolean()),
  welcomeMessage: Type.Optional(Nullable(Text(WELCOME_MAX))),
});

export const UpdateConversationBody = Obj({
  name: Type.Optional(Name(CONVERSATION_NAME_MAX)),
  avatarUrl: Type.Optional(Nullable(AvatarUrl)),
  announcement: Type.Optional(Nullable(Text(ANNOUNCEMENT_MAX))),
  settings: Type.Optional(SettingsInput),
  pinned: Type.Optional(Type.Boolean()),
  muted: Type.Optional(Type.Boolean()),
});
export type UpdateConversationInput = Static<typeof UpdateConversationBody>;

export const AddMembersBody = Obj({ memberIds: Type.Optional(MemberIds), departmentIds: Type.Optional(DepartmentIds) });
export type AddMembersInput = Static<typeof AddMembersBody>;

export const MemberParams = Obj({ id: Id, memberId: Id });
export const ChangeRoleBody = Obj({ role: Type.Union([Type.Literal('admin'), Type.Literal('member')]) });
export type ChangeRoleInput = Static<typeof ChangeRoleBody>;

export const TransferOwnerBody = Obj({ memberId: Id });

export const CreateInviteBody = Obj({
  expiresInHours: Type.Optional(Type.Integer({ minimum: 1, maximum: 24 * 365 })),
  maxUses: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
});
export type CreateInviteInput = Static<typeof CreateInviteBody>;

export const InviteParams = Obj({ id: Id, inviteId: Id });
/** Invite codes are url-safe base64; anything else is refused before a lookup. */
export const CodeParams = Obj({ code: Type.String({ pattern: '^[A-Za-z0-9_-]{16,64}$' }) });

// ---- responses ----

const MemberRef = Type.Object({ id: Type.String(), name: Type.String() });

export const LastMessage = Type.Object({
  id: Type.String(),
  seq: Type.Integer(),
  kind: Type.String(),
  body: Type.String(),
  senderId: Type.Union([Type.String(), Type.Null()]),
  senderName: Type.Union([Type.String(), Type.Null()]),
  at: Type.String(),
  recalled: Type.Boolean(),
});

export const ConversationSummary = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  name: Type.String(),
  avatarUrl: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  memberCount: Type.Integer(),
  lastSeq: Type.Integer(),
  readSeq: Type.Integer(),
  unreadCount: Type.Integer(),
  lastMessage: Type.Union([LastMessage, Type.Null()]),
  pinned: Type.Boolean(),
  muted: Type.Boolean(),
  mentionedMe: Type.Boolean(),
  myRole: Type.String(),
  updatedAt: Type.String(),
});
export type ConversationSummaryOut = Static<typeof ConversationSummary>;

export const ConversationList = Type.Object({ items: Type.Array(ConversationSummary) });

export const ConversationMember = Type.Object({
  id: Type.String(),
  name: Type.String(),
  /** `staff` (a colleague) or `guest` (an external participant). */
  kind: Type.Union([Type.Literal('staff'), Type.Literal('guest')]),
  role: Type.String(),
  joinedAt: Type.String(),
});

export const ConversationDetail = Type.Composite([
  ConversationSummary,
  Type.Object({
    announcement: Type.Union([Type.String(), Type.Null()]),
    announcementAt: Type.Union([Type.String(), Type.Null()]),
    settings: Type.Object({
      onlyAdminsInvite: Type.Boolean(),
      welcomeMessage: Type.Union([Type.String(), Type.Null()]),
    }),
    owner: Type.Union([MemberRef, Type.Null()]),
    admins: Type.Array(MemberRef),
    members: Type.Array(ConversationMember),
    departmentId: Type.Union([Type.String(), Type.Null()]),
    memberLimit: Type.Integer(),
    createdAt: Type.String(),
    dissolvedAt: Type.Union([Type.String(), Type.Null()]),
  }),
]);
export type ConversationDetailOut = Static<typeof ConversationDetail>;

export const Invite = Type.Object({
  id: Type.String(),
  code: Type.String(),
  url: Type.String(),
  expiresAt: Type.Union([Type.String(), Type.Null()]),
  maxUses: Type.Union([Type.Integer(), Type.Null()]),
  uses: Type.Integer(),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
  createdBy: Type.String(),
  createdAt: Type.String(),
});
export type InviteOut = Static<typeof Invite>;
export const InviteList = Type.Object({ items: Type.Array(Invite) });
