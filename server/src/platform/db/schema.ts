/**
 * Table types for Kysely. Times are ISO-8601 UTC strings and booleans are 0/1 integers on
 * both stores, so one query path gives identical results on SQLite and PostgreSQL.
 */
import type { Generated } from 'kysely';
import type { ComplianceTables } from './compliance-tables.js';
import type { ContactLinkTables } from './contact-link-tables.js';
import type { CustomerPostTables } from './customer-post-tables.js';
import type { CustomerTables } from './customer-tables.js';
import type { MassMessageTables } from './mass-message-tables.js';
import type { QuickReplyTables } from './quick-reply-tables.js';
import type { ResponseTimeTables } from './response-time-tables.js';

export type {
  ArchiveCheckpointTable,
  ArchiveConsentStatusTable,
  ArchiveConsentTable,
  ArchiveCursorTable,
  ArchiveHeadTable,
  ArchiveHoldTable,
  ArchiveNoticeTable,
  ArchiveRecordTable,
  ArchiveRetentionTable,
  ArchiveSearchDocTable,
  ArchiveSettingsTable,
  SensitiveAlertTable,
  SensitiveLexiconTable,
  SensitiveRuleSetTable,
  SensitiveRuleTable,
} from './compliance-tables.js';

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

/** A member's notification (migration 0017); `data` is JSON of protocol's NotificationData. */
export type NotificationTable = {
  id: string;
  org_id: string;
  member_id: string;
  kind: string;
  data: string;
  link: string | null;
  dedupe_key: string;
  created_at: string;
  read_at: string | null;
};

/** An external group flagged as a customer group (migration 0018); `auto_replies` is JSON. */
export type CustomerGroupTable = {
  conversation_id: string;
  org_id: string;
  auto_replies: string;
  flagged_by: string | null;
  flagged_at: string;
  updated_at: string;
};

export type Database = CustomerTables &
  CustomerPostTables &
  QuickReplyTables &
  ResponseTimeTables &
  MassMessageTables &
  ContactLinkTables &
  ComplianceTables & {
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
    notifications: NotificationTable;
    customer_groups: CustomerGroupTable;
    kysely_migration?: { name: Generated<string> };
  };
