/** Wire shapes of posts to customers: the member side, the review, and the customer's page. */
import { type Static, Type } from '@sinclair/typebox';
import { Id, Name, Obj, Text } from '../../http/schema-helpers.js';

export const POST_LIMITS = {
  text: 2000,
  images: 9,
  tags: 50,
  linkUrl: 2000,
  linkTitle: 100,
  comment: 500,
  reason: 200,
} as const;

export const POST_STATUSES = ['pending_review', 'published', 'rejected', 'deleted'] as const;
const Literals = <T extends readonly string[]>(values: T) =>
  Type.Unsafe<T[number]>(Type.Union(values.map((v) => Type.Literal(v))));
const TagIds = Type.Array(Id, { maxItems: POST_LIMITS.tags });
const Named = Type.Object({ id: Type.String(), name: Type.String() });
const Link = Type.Object({ url: Type.String(), title: Type.Union([Type.String(), Type.Null()]) });
const Images = Type.Array(Type.String(), { description: 'Image ids, in order' });

export const CreatePostBody = Obj({
  kind: Literals(['member', 'org'] as const),
  text: Text(POST_LIMITS.text),
  imageIds: Type.Optional(Type.Array(Id, { maxItems: POST_LIMITS.images })),
  link: Type.Optional(
    Obj({
      url: Type.String({ maxLength: POST_LIMITS.linkUrl, pattern: '^https?://[^\\s]+$' }),
      title: Type.Optional(Text(POST_LIMITS.linkTitle)),
    }),
  ),
  tagsAll: Type.Optional(TagIds),
  tagsAny: Type.Optional(TagIds),
  tagsNone: Type.Optional(TagIds),
});
export type CreatePostInput = Static<typeof CreatePostBody>;

export const ListPostsQuery = Obj({
  status: Type.Optional(Literals(POST_STATUSES)),
  mine: Type.Optional(Type.Boolean({ description: 'Only your own posts' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
});
export type ListPostsInput = Static<typeof ListPostsQuery>;

export const RejectBody = Obj({ reason: Name(POST_LIMITS.reason) });
export const ReplyBody = Obj({ text: Text(POST_LIMITS.comment, { minLength: 1 }), replyToId: Id });
/** A comment on a post. */
export const CommentParams = Obj({ id: Id, commentId: Id });
export const GuestCommentBody = Obj({ text: Text(POST_LIMITS.comment, { minLength: 1 }) });
export const SettingsBody = Obj({ reviewRequired: Type.Boolean() });

export const Comment = Type.Object({
  id: Type.String(),
  text: Type.String(),
  author: Type.Object({ kind: Literals(['customer', 'member'] as const), id: Type.String(), name: Type.String() }),
  replyToId: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
});
export type CommentOut = Static<typeof Comment>;

export const PostSummary = Type.Object({
  id: Type.String(),
  kind: Literals(['member', 'org'] as const),
  text: Type.String(),
  imageIds: Images,
  link: Type.Union([Link, Type.Null()]),
  tags: Type.Object({ all: Type.Array(Named), any: Type.Array(Named), none: Type.Array(Named) }),
  status: Literals(POST_STATUSES),
  author: Named,
  reviewer: Type.Union([Named, Type.Null()]),
  reviewReason: Type.Union([Type.String(), Type.Null()]),
  audienceCount: Type.Integer(),
  likeCount: Type.Integer(),
  commentCount: Type.Integer(),
  createdAt: Type.String(),
  publishedAt: Type.Union([Type.String(), Type.Null()]),
  canReview: Type.Boolean(),
  canDelete: Type.Boolean(),
});
export type PostSummaryOut = Static<typeof PostSummary>;
export const PostPage = Type.Object({
  items: Type.Array(PostSummary),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
export const PostDetail = Type.Composite([
  PostSummary,
  Type.Object({ likes: Type.Array(Named), comments: Type.Array(Comment) }),
]);
export type PostDetailOut = Static<typeof PostDetail>;

export const Settings = Type.Object({ reviewRequired: Type.Boolean(), canChange: Type.Boolean() });
export const ImageRef = Type.Object({
  id: Type.String(),
  name: Type.String(),
  size: Type.Integer(),
  mime: Type.String(),
});

export const GuestPost = Type.Object({
  id: Type.String(),
  from: Type.Object({ kind: Literals(['member', 'org'] as const), name: Type.String() }),
  text: Type.String(),
  imageIds: Images,
  link: Type.Union([Link, Type.Null()]),
  publishedAt: Type.String(),
  likeCount: Type.Integer(),
  liked: Type.Boolean(),
  comments: Type.Array(Comment, { description: 'Your comments and the replies to them' }),
});
export type GuestPostOut = Static<typeof GuestPost>;
export const GuestFeedQuery = Obj({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
});
export const GuestFeed = Type.Object({
  items: Type.Array(GuestPost),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
export const GuestGroups = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      owner: Type.Union([Named, Type.Null()]),
      memberCount: Type.Integer(),
    }),
  ),
});
