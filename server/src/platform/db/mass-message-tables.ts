/** Table types of customer mass messages (migration 0019): the message, its recipients, the org's rules. */

export type MassMessageTable = {
  id: string;
  org_id: string;
  author_id: string;
  text: string;
  /** `image`, `file` (attachment_id: an upload of the author's) or `link` (link_url, link_title); null: text only. */
  attachment_kind: string | null;
  attachment_id: string | null;
  link_url: string | null;
  link_title: string | null;
  /** JSON of the targeting filter as submitted (tags all/any/none, stage, owner, department). */
  filter: string;
  /** Null: send as soon as it may go out. */
  scheduled_at: string | null;
  /** pending_approval → approved | rejected; approved → sending → sent; or cancelled. */
  status: string;
  /** 1: each owner confirms their part before it goes out (the org's setting at submission). */
  owner_confirm: number;
  approver_id: string | null;
  /** Why it was rejected. */
  reason: string | null;
  created_at: string;
  updated_at: string;
  decided_at: string | null;
  sent_at: string | null;
};

export type MassMessageRecipientTable = {
  mass_message_id: string;
  org_id: string;
  customer_id: string;
  /** The member who owned the customer at submission; the message goes out in their chat. */
  owner_id: string;
  /** pending, awaiting_confirm, sent or failed; `read` is worked out from the customer's read cursor. */
  status: string;
  /** frequency_cap, no_conversation, owner_inactive, customer_deleted, cancelled. */
  fail_reason: string | null;
  conversation_id: string | null;
  message_id: string | null;
  message_seq: number | null;
  confirmed_at: string | null;
  sent_at: string | null;
};

export type MassMessageSettingsTable = {
  org_id: string;
  cap_count: number;
  /** day, week or month: a rolling window of 1, 7 or 30 days. */
  cap_period: string;
  require_approval: number;
  owner_confirm: number;
  updated_by: string | null;
  updated_at: string;
};

/** An image or file uploaded in the composer (migration 0023); copied into each chat at sending. */
export type MassMessageUploadTable = {
  id: string;
  org_id: string;
  uploader_id: string;
  sha256: string;
  size: number;
  mime: string;
  name: string;
  /** `image` (by the bytes) or `file`. */
  kind: string;
  created_at: string;
};

export type MassMessageTables = {
  mass_message_uploads: MassMessageUploadTable;
  mass_messages: MassMessageTable;
  mass_message_recipients: MassMessageRecipientTable;
  mass_message_settings: MassMessageSettingsTable;
};
