/** Table types of quick replies (migration 0015): categories and reply snippets, org-wide or personal. */

export type QuickReplyCategoryTable = {
  id: string;
  org_id: string;
  /** Null: org-wide; otherwise this member's personal category, visible only to them. */
  owner_id: string | null;
  name: string;
  name_pinyin: string;
  sort_order: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
};

export type QuickReplyTable = {
  id: string;
  org_id: string;
  /** Null: org-wide (read by everyone, changed with quick_reply.manage); otherwise personal. */
  owner_id: string | null;
  /** A category of the same kind (org-wide or the same owner's), or null: uncategorised. */
  category_id: string | null;
  title: string;
  title_pinyin: string;
  body: string;
  /** Lowercased title and body, for keyword search with LIKE on both stores. */
  search_text: string;
  use_count: number;
  last_used_at: string | null;
  created_by: string | null;
  updated_by: string | null;
  created_at: string;
  updated_at: string;
};

export type QuickReplyTables = {
  quick_reply_categories: QuickReplyCategoryTable;
  quick_replies: QuickReplyTable;
};
