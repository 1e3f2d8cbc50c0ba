/**
 * Table types of customer assets (migration 0011): customers with their owner and co-followers,
 * tag groups and tags, the stage pipeline and its history, follow-ups, and the org's custom fields.
 */

export type CustomerTable = {
  id: string;
  org_id: string;
  name: string;
  name_pinyin: string;
  name_initials: string;
  company: string | null;
  title: string | null;
  /** Normalised: digits (mainland) or +digits. */
  mobile: string | null;
  /** Lowercased. */
  email: string | null;
  /** `unknown`, `male` or `female`. */
  gender: string;
  region: string | null;
  /** `manual`, `import` or `link` (a member's contact-me link). */
  source: string;
  remark: string | null;
  /** JSON object: custom field id → value (text, number or YYYY-MM-DD). */
  custom_fields: string;
  stage_id: string | null;
  /** The member serving the customer; always set. */
  owner_id: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  /** Soft deletion: restorable for 30 days, hidden afterwards. */
  deleted_at: string | null;
  deleted_by: string | null;
  /** Set when the customer was merged into another (then also deleted, not restorable). */
  merged_into_id: string | null;
};

export type CustomerFollowerTable = {
  org_id: string;
  customer_id: string;
  member_id: string;
  added_at: string;
};

export type CustomerTagGroupTable = {
  id: string;
  org_id: string;
  name: string;
  /** Null: org-wide; otherwise the personal group of this member, visible only to them. */
  owner_id: string | null;
  sort_order: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
};

export type CustomerTagTable = {
  id: string;
  org_id: string;
  group_id: string;
  name: string;
  sort_order: number;
  created_at: string;
};

export type CustomerTagLinkTable = {
  org_id: string;
  customer_id: string;
  tag_id: string;
  added_by: string | null;
  added_at: string;
};

export type CustomerStageTable = {
  id: string;
  org_id: string;
  name: string;
  /** `open`, `won` or `lost`. */
  kind: string;
  sort_order: number;
  created_at: string;
  updated_at: string;
};

/** Every move of a customer between stages, with the names as they were then. */
export type CustomerStageMoveTable = {
  id: string;
  org_id: string;
  customer_id: string;
  from_stage_id: string | null;
  from_name: string | null;
  to_stage_id: string;
  to_name: string;
  actor_id: string | null;
  actor_name: string | null;
  note: string | null;
  at: string;
};

export type CustomerFieldTable = {
  id: string;
  org_id: string;
  name: string;
  /** `text`, `number`, `date` or `select`. */
  type: string;
  /** JSON array of the choices of a `select` field. */
  options: string;
  required: number;
  sort_order: number;
  created_at: string;
  updated_at: string;
};

/** A record of serving a customer: a call, a visit, a message or a note, with the next date to follow up. */
export type CustomerFollowUpTable = {
  id: string;
  org_id: string;
  customer_id: string;
  author_id: string;
  /** `call`, `visit`, `message` or `note`. */
  kind: string;
  content: string;
  happened_at: string;
  /** When to follow up next; a reminder job runs then. */
  next_at: string | null;
  created_at: string;
  /** Who follows up on the next date when not the author: the new owner after a transfer. */
  assignee_id: string | null;
};

/** A file attached to a follow-up (migration 0022); `follow_up_id` is null until a follow-up claims it. */
export type CustomerFollowUpFileTable = {
  id: string;
  org_id: string;
  customer_id: string;
  follow_up_id: string | null;
  uploader_id: string;
  sha256: string;
  size: number;
  mime: string;
  /** `image` (by the bytes) or `file`. */
  kind: string;
  name: string;
  created_at: string;
};

/** One row per org once its customer settings exist (the default stages were seeded). */
export type CustomerSettingsTable = {
  org_id: string;
  created_at: string;
};

/**
 * One customer's move from one member to another (migration 0012). `on_the_job` transfers wait
 * 24 hours for the customer (`waiting`), then end `done`, `declined`, `refused` (the receiver is
 * at their customer limit) or `cancelled` (owner, receiver or customer changed meanwhile);
 * `departure` handovers are `done` at once.
 */
export type CustomerTransferTable = {
  id: string;
  org_id: string;
  /** The request (or offboarding) this transfer was part of. */
  batch_id: string;
  kind: string;
  customer_id: string;
  customer_name: string;
  from_member_id: string;
  to_member_id: string;
  status: string;
  reason: string | null;
  /** The notice to the customer (at most 200 characters). */
  message: string;
  /** `delivered` or `undelivered` (with `notice_reason`, e.g. `no_conversation`). */
  notice_status: string;
  notice_reason: string | null;
  requested_by: string | null;
  requested_at: string;
  /** Until when the customer may decline; null for departures. */
  decide_by: string | null;
  settled_at: string | null;
  follow_ups_moved: number;
};

/** The org's transfer limits; defaults apply while there is no row. */
export type CustomerTransferSettingsTable = {
  org_id: string;
  max_transfers: number;
  window_days: number;
  member_limit: number;
  updated_by: string | null;
  updated_at: string;
};

export type CustomerTables = {
  customers: CustomerTable;
  customer_followers: CustomerFollowerTable;
  customer_tag_groups: CustomerTagGroupTable;
  customer_tags: CustomerTagTable;
  customer_tag_links: CustomerTagLinkTable;
  customer_stages: CustomerStageTable;
  customer_stage_moves: CustomerStageMoveTable;
  customer_fields: CustomerFieldTable;
  customer_follow_ups: CustomerFollowUpTable;
  customer_follow_up_files: CustomerFollowUpFileTable;
  customer_settings: CustomerSettingsTable;
  customer_transfers: CustomerTransferTable;
  customer_transfer_settings: CustomerTransferSettingsTable;
};
