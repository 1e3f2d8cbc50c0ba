/** Table types of posts to customers (migration 0021): posts, audience, likes, comments, images, settings. */

export type CustomerPostKind = 'member' | 'org';
export type CustomerPostStatus = 'pending_review' | 'published' | 'rejected' | 'deleted';

export type CustomerPostTable = {
  id: string;
  org_id: string;
  author_id: string;
  /** member: to the author's own customers; org: to every customer the filter picks. */
  kind: CustomerPostKind;
  body: string;
  /** JSON array of customer_post_images ids, at most 9, in display order. */
  image_ids: string;
  link_url: string | null;
  link_title: string | null;
  /** JSON arrays of tag ids: all of, any of, none of. */
  tags_all: string;
  tags_any: string;
  tags_none: string;
  status: CustomerPostStatus;
  reviewer_id: string | null;
  review_reason: string | null;
  reviewed_at: string | null;
  published_at: string | null;
  deleted_at: string | null;
  deleted_by: string | null;
  created_at: string;
  updated_at: string;
};

export type CustomerPostAudienceTable = {
  post_id: string;
  customer_id: string;
  org_id: string;
  /** Copied from the post, so a customer's feed is one index range. */
  published_at: string;
};

export type CustomerPostLikeTable = { post_id: string; customer_id: string; org_id: string; created_at: string };

export type CustomerPostCommentTable = {
  id: string;
  org_id: string;
  post_id: string;
  /** Exactly one of customer_id (written from the customer's page) and member_id (a reply). */
  customer_id: string | null;
  member_id: string | null;
  /** The name shown: the guest's display name or the member's. */
  author_name: string;
  reply_to_id: string | null;
  body: string;
  created_at: string;
  deleted_at: string | null;
};

export type CustomerPostImageTable = {
  id: string;
  org_id: string;
  uploader_id: string;
  /** Null until a post claims it. */
  post_id: string | null;
  sha256: string;
  size: number;
  mime: string;
  name: string;
  created_at: string;
};

export type CustomerPostSettingsTable = {
  org_id: string;
  review_required: number;
  updated_by: string | null;
  updated_at: string;
};

export type CustomerPostTables = {
  customer_posts: CustomerPostTable;
  customer_post_audience: CustomerPostAudienceTable;
  customer_post_likes: CustomerPostLikeTable;
  customer_post_comments: CustomerPostCommentTable;
  customer_post_images: CustomerPostImageTable;
  customer_post_settings: CustomerPostSettingsTable;
};
