/**
 * Table types for Kysely. Times are ISO-8601 UTC strings and booleans are 0/1 integers on
 * both stores, so one query path gives identical results on SQLite and PostgreSQL.
 */
import type { Generated } from 'kysely';
import type { CustomerTables } from './customer-tables.js';

export type OrgTable = {
  id: string;
  name: string;
  settings: string;
  created_at: string;
  updated_at: string;
};

export type DepartmentTable = {
  id: string;
  org_id: string;
  parent_id: string | null;
  name: string;
  sort_order: number;
  created_at: string;
  updated_at: string;
};

export type MemberTable = {
  id: string;
  org_id: string;
  /** `staff` (the directory) or `guest` (an external participant of one external group). */
  kind: string;
  name: string;
  name_pinyin: string;
  name_initials: string;
  title: string | null;
  mobile: string | null;
  email: string | null;
  primary_department_id: string;
  supervisor_id: string | null;
  status: string;
  joined_on: string | null;
  password_hash: string | null;
  totp_secret: string | null;
  totp_enabled: number;
  totp_last_step: number;
  created_at: string;
  updated_at: string;
  disabled_at: string | null;
  departed_at: string | null;
};

export type MemberDepartmentTable = {
  org_id: string;
  member_id: string;
  department_id: string;
  is_primary: number;
};

export type DepartmentHeadTable = {
  org_id: string;
  department_id: string;
  member_id: string;
};

export type RoleTable = {
  id: string;
  org_id: string;
  builtin_key: string | null;
  name: string;
  description: string;
  data_scope: string;
  require_totp: number;
  created_at: string;
  updated_at: string;
};

export type RolePermissionTable = {
  org_id: string;
  role_id: string;
  permission: string;
};

export type MemberRoleTable = {
  org_id: string;
  member_id: string;
  role_id: string;
};

export type SessionTable = {
  id: string;
  org_id: string;
  member_id: string;
  token_hash: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
  revoked_at: string | null;
  revoked_reason: string | null;
};

export type ApiTokenTable = {
  id: string;
  org_id: string;
  member_id: string;
  name: string;
  token_hash: string;
  token_prefix: string;
  scopes: string;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
};

export type GuestIdentityTable = {
  member_id: string;
  org_id: string;
  conversation_id: string;
  email: string;
  invite_id: string | null;
  verified_at: string;
  created_at: string;
};

export type EmailCodeTable = {
  id: string;
  org_id: string;
  purpose: string;
  subject_id: string;
  email: string;
  code_hash: string;
  attempts: number;
  expires_at: string;
  consumed_at: string | null;
  ip: string | null;
  created_at: string;
};

export type ArchiveSettingsTable = {
  org_id: string;
  enabled: number;
  /** `all` or `departments` (the members of `department_ids` and their sub-departments). */
  scope: string;
  department_ids: string;
  enabled_at: string | null;
  updated_at: string;
  updated_by: string | null;
  /** What an external participant's decline means: `not_archived` or `no_messaging` (migration 0010). */
  decline_policy: string;
};

/** One version of an org's archive notice; a change adds a version, none is ever rewritten. */
export type ArchiveNoticeTable = {
  org_id: string;
  version: number;
  text: string;
  sha256: string;
  created_at: string;
  created_by: string | null;
};

/** Append-only: every acceptance (member), agreement, decline and withdrawal (external participant). */
export type ArchiveConsentTable = {
  id: string;
  org_id: string;
  /** The member or external participant (a `members` row) the consent is about. */
  subject_id: string;
  /** `member` or `guest`. */
  subject_kind: string;
  /** The external participant's group; null for members. */
  conversation_id: string | null;
  /** `accepted`, `agreed`, `declined` or `withdrawn`. */
  action: string;
  /** The status it leaves: `accepted`, `agreed` or `declined`. */
  status: string;
  notice_version: number;
  notice_sha256: string;
  actor_id: string | null;
  /** Where it was given: `console`, `join` or `guest_chat`. */
  via: string;
  at: string;
};

/** Each person's latest consent (one row per subject), kept in step with `archive_consents`. */
export type ArchiveConsentStatusTable = {
  subject_id: string;
  org_id: string;
  subject_kind: string;
  conversation_id: string | null;
  status: string;
  notice_version: number;
  consent_id: string;
  at: string;
};

export type ArchiveRecordTable = {
  id: string;
  org_id: string;
  seq: number;
  type: string;
  at: string;
  conversation_id: string | null;
  actor_id: string | null;
  message_id: string | null;
  source_key: string;
  attrs: string;
  content_hash: string | null;
  leaf_hash: string;
  /** Canonical JSON of the content, or its AES-256-GCM envelope; NULL once purged. */
  content: string | null;
  purged_at: string | null;
};

export type ArchiveHeadTable = {
  org_id: string;
  size: number;
  frontier: string;
  root_hash: string;
  updated_at: string;
};

export type ArchiveRetentionTable = {
  org_id: string;
  /** Days content is kept; null keeps it for ever. */
  keep_days: number | null;
  /** JSON [{departmentId, keepDays}]: members of these departments (and below) keep theirs this long. */
  department_overrides: string;
  updated_at: string;
  updated_by: string | null;
};

export type ArchiveHoldTable = {
  id: string;
  org_id: string;
  /** `member` (a colleague or an external participant, by member id) or `conversation`. */
  kind: string;
  target_id: string;
  reason: string;
  created_by: string;
  created_at: string;
  released_at: string | null;
  released_by: string | null;
};

/** One archived message record as search sees it (migration 0008); the token text is in the FTS store. */
export type ArchiveSearchDocTable = {
  /** The record's time in ms × 1024 plus a slot: ordered by time, unique. */
  doc_id: number;
  org_id: string;
  record_id: string;
  record_seq: number;
  /** The record's type: message.created, message.edited, message.recalled or message.hidden. */
  type: string;
  at: string;
  conversation_id: string;
  message_id: string | null;
  /** Who sent (or edited, recalled, hid) the message. */
  sender_id: string | null;
  external: number;
  /** JSON array: the sender's departments when the record was archived. */
  department_ids: string;
  /** JSON array: the external participants in the conversation when the record was archived. */
  guest_ids: string;
  /** PostgreSQL only: the tsvector ('simple') of the token text; written, never read. */
  tokens?: string;
};

export type ArchiveCursorTable = { conversation_id: string; org_id: string; last_seq: number };

export type ArchiveCheckpointTable = {
  id: string;
  org_id: string;
  size: number;
  root_hash: string;
  note: string;
  created_at: string;
};

export type AuthFailureTable = {
  id: string;
  org_id: string | null;
  key: string;
  at: string;
};

export type AuditLogTable = {
  id: string;
  org_id: string;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  actor_kind: string;
  action: string;
  target_type: string | null;
  target_id: string | null;
  target_label: string | null;
  before: string | null;
  after: string | null;
  ip: string | null;
  user_agent: string | null;
  request_id: string | null;
};

export type JobTable = {
  id: string;
  org_id: string | null;
  type: string;
  payload: string;
  run_at: string;
  state: string;
  attempts: number;
  max_attempts: number;
  locked_by: string | null;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
};

export type ConversationTable = {
  id: string;
  org_id: string;
  kind: string;
  name: string | null;
  avatar_url: string | null;
  owner_id: string | null;
  announcement: string | null;
  announcement_at: string | null;
  settings: string;
  member_limit: number;
  department_id: string | null;
  direct_key: string | null;
  last_seq: number;
  status: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  dissolved_at: string | null;
};

export type ConversationMemberTable = {
  org_id: string;
  conversation_id: string;
  member_id: string;
  role: string;
  joined_at: string;
  read_seq: number;
  pinned: number;
  muted: number;
};

export type MessageTable = {
  id: string;
  org_id: string;
  conversation_id: string;
  seq: number;
  sender_id: string | null;
  client_msg_id: string | null;
  kind: string;
  body: string;
  mentions: string;
  mention_all: number;
  reply_to_id: string | null;
  attachment: string | null;
  created_at: string;
  edited_at: string | null;
  recalled_at: string | null;
  /** The text as written when a sensitive-content rule masked `body`; for the archive only, never presented. */
  original_body: string | null;
};

export type MessageHideTable = { org_id: string; message_id: string; member_id: string };

export type ConversationEventTable = {
  org_id: string;
  conversation_id: string;
  seq: number;
  type: string;
  actor_id: string | null;
  message_id: string | null;
  payload: string;
  created_at: string;
};

export type ConversationInviteTable = {
  id: string;
  org_id: string;
  conversation_id: string;
  code: string;
  created_by: string;
  expires_at: string | null;
  max_uses: number | null;
  uses: number;
  revoked_at: string | null;
  created_at: string;
};

export type AnnouncementConfirmationTable = {
  org_id: string;
  conversation_id: string;
  announcement_at: string;
  member_id: string;
  confirmed_at: string;
};

export type TodoTable = {
  id: string;
  org_id: string;
  conversation_id: string;
  message_id: string;
  creator_id: string;
  assignee_id: string;
  due_at: string | null;
  status: string;
  done_at: string | null;
  done_by: string | null;
  created_at: string;
};

export type BookmarkTable = {
  org_id: string;
  member_id: string;
  message_id: string;
  conversation_id: string;
  created_at: string;
};

export type AttachmentTable = {
  id: string;
  org_id: string;
  conversation_id: string;
  uploader_id: string;
  /** The message that sent it; null until sent. A message claims an attachment once. */
  message_id: string | null;
  sha256: string;
  size: number;
  mime: string;
  name: string;
  kind: string;
  created_at: string;
};

export type SensitiveRuleSetTable = { org_id: string; version: number; updated_at: string };

export type SensitiveLexiconTable = {
  id: string;
  org_id: string;
  name: string;
  category: string;
  version: number;
  /** JSON array of words. */
  words: string;
  word_count: number;
  created_at: string;
  updated_at: string;
  updated_by: string | null;
};

export type SensitiveRuleTable = {
  id: string;
  org_id: string;
  name: string;
  enabled: number;
  /** `record`, `mask` or `block`. */
  action: string;
  /** `all`, `external` or `departments`. */
  scope: string;
  /** JSON arrays of ids and detector kinds. */
  department_ids: string;
  lexicon_ids: string;
  detectors: string;
  created_at: string;
  updated_at: string;
  updated_by: string | null;
};

export type SensitiveAlertTable = {
  id: string;
  org_id: string;
  rule_id: string;
  rule_name: string;
  action: string;
  outcome: string;
  source: string;
  conversation_id: string;
  message_id: string | null;
  sender_id: string;
  sender_name: string;
  body: string;
  /** JSON array of hits. */
  hits: string;
  /** `new`, `confirmed` or `dismissed`. */
  status: string;
  note: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  created_at: string;
};

export type Database = CustomerTables & {
  orgs: OrgTable;
  departments: DepartmentTable;
  members: MemberTable;
  member_departments: MemberDepartmentTable;
  department_heads: DepartmentHeadTable;
  roles: RoleTable;
  role_permissions: RolePermissionTable;
  member_roles: MemberRoleTable;
  sessions: SessionTable;
  guest_identities: GuestIdentityTable;
  email_codes: EmailCodeTable;
  archive_settings: ArchiveSettingsTable;
  archive_records: ArchiveRecordTable;
  archive_heads: ArchiveHeadTable;
  archive_cursors: ArchiveCursorTable;
  archive_checkpoints: ArchiveCheckpointTable;
  archive_search_docs: ArchiveSearchDocTable;
  archive_retention: ArchiveRetentionTable;
  archive_holds: ArchiveHoldTable;
  archive_notices: ArchiveNoticeTable;
  archive_consents: ArchiveConsentTable;
  archive_consent_status: ArchiveConsentStatusTable;
  api_tokens: ApiTokenTable;
  auth_failures: AuthFailureTable;
  audit_log: AuditLogTable;
  jobs: JobTable;
  conversations: ConversationTable;
  conversation_members: ConversationMemberTable;
  messages: MessageTable;
  message_hides: MessageHideTable;
  conversation_events: ConversationEventTable;
  conversation_invites: ConversationInviteTable;
  attachments: AttachmentTable;
  announcement_confirmations: AnnouncementConfirmationTable;
  todos: TodoTable;
  bookmarks: BookmarkTable;
  sensitive_rule_sets: SensitiveRuleSetTable;
  sensitive_lexicons: SensitiveLexiconTable;
  sensitive_rules: SensitiveRuleTable;
  sensitive_alerts: SensitiveAlertTable;
  kysely_migration?: { name: Generated<string> };
};
