/** The API shapes of posts, for colleagues and for the customer's page; the only place they are built. */
import type { Actor } from '../../authz/actor.js';
import type { CustomerPostCommentTable, CustomerPostTable } from '../../platform/db/customer-post-tables.js';
import { mayDeletePost, type PostPowers } from './post-access.js';
import type { CommentOut, GuestPostOut, PostSummaryOut } from './schemas.js';

export type Named = { id: string; name: string };
export type PostFacts = {
  names: ReadonlyMap<string, string>;
  tags: ReadonlyMap<string, string>;
  audience: ReadonlyMap<string, number>;
  likes: ReadonlyMap<string, number>;
  comments: ReadonlyMap<string, number>;
};

const ids = (json: string): string[] => JSON.parse(json) as string[];
const linkOf = (post: CustomerPostTable) => (post.link_url ? { url: post.link_url, title: post.link_title } : null);

export function presentPost(post: CustomerPostTable, actor: Actor, powers: PostPowers, f: PostFacts): PostSummaryOut {
  const named = (id: string, from: ReadonlyMap<string, string>): Named => ({ id, name: from.get(id) ?? '' });
  const tags = (json: string) => ids(json).map((id) => named(id, f.tags));
  return {
    id: post.id,
    kind: post.kind,
    text: post.body,
    imageIds: ids(post.image_ids),
    link: linkOf(post),
    tags: { all: tags(post.tags_all), any: tags(post.tags_any), none: tags(post.tags_none) },
    status: post.status,
    author: named(post.author_id, f.names),
    reviewer: post.reviewer_id ? named(post.reviewer_id, f.names) : null,
    reviewReason: post.review_reason,
    audienceCount: f.audience.get(post.id) ?? 0,
    likeCount: f.likes.get(post.id) ?? 0,
    commentCount: f.comments.get(post.id) ?? 0,
    createdAt: post.created_at,
    publishedAt: post.published_at,
    canReview: powers.review && post.status === 'pending_review',
    canDelete: mayDeletePost(actor, powers, post),
  };
}

export function presentComment(c: CustomerPostCommentTable): CommentOut {
  return {
    id: c.id,
    text: c.body,
    author: c.member_id
      ? { kind: 'member', id: c.member_id, name: c.author_name }
      : { kind: 'customer', id: c.customer_id ?? '', name: c.author_name },
    replyToId: c.reply_to_id,
    createdAt: c.created_at,
  };
}

export function presentGuestPost(
  post: CustomerPostTable,
  /** The author's name, or the org's for an org post. */
  fromName: string,
  likes: { count: number; mine: boolean },
  comments: CustomerPostCommentTable[],
): GuestPostOut {
  return {
    id: post.id,
    from: { kind: post.kind, name: fromName },
    text: post.body,
    imageIds: ids(post.image_ids),
    link: linkOf(post),
    publishedAt: post.published_at ?? post.created_at,
    likeCount: likes.count,
    liked: likes.mine,
    comments: comments.map(presentComment),
  };
}
