/**
 * Table types of compliance: the archive (settings, records, heads, cursors, checkpoints, search
 * docs, retention, holds, the notice and consents) and sensitive-content rules and alerts.
 */

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
  /** PostgreSQL only: the walk signature of the token text (search/walk-signature.ts); null before migration 0024's upgrade. */
  walk_sig?: string | null;
};

/** A re-tokenizing of the search index still to finish (migration 0013), and the doc id it goes on from. */
export type ArchiveSearchUpgradeTable = { name: string; next_doc_id: number };

export type ArchiveCursorTable = { conversation_id: string; org_id: string; last_seq: number };

export type ArchiveCheckpointTable = {
  id: string;
  org_id: string;
  size: number;
  root_hash: string;
  note: string;
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

export type ComplianceTables = {
  archive_settings: ArchiveSettingsTable;
  archive_records: ArchiveRecordTable;
  archive_heads: ArchiveHeadTable;
  archive_cursors: ArchiveCursorTable;
  archive_checkpoints: ArchiveCheckpointTable;
  archive_search_docs: ArchiveSearchDocTable;
  archive_search_upgrades: ArchiveSearchUpgradeTable;
  archive_retention: ArchiveRetentionTable;
  archive_holds: ArchiveHoldTable;
  archive_notices: ArchiveNoticeTable;
  archive_consents: ArchiveConsentTable;
  archive_consent_status: ArchiveConsentStatusTable;
  sensitive_rule_sets: SensitiveRuleSetTable;
  sensitive_lexicons: SensitiveLexiconTable;
  sensitive_rules: SensitiveRuleTable;
  sensitive_alerts: SensitiveAlertTable;
};
