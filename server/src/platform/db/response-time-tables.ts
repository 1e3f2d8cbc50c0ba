/** Table types of customer response-time targets (migration 0020). */

/** An org's working hours and first-response target; absent until an admin saves them. */
export type ResponseTimeSettingsTable = {
  org_id: string;
  /** JSON array of ISO weekdays (1 = Monday … 7 = Sunday). */
  work_days: string;
  /** Minutes after local midnight. */
  start_minute: number;
  end_minute: number;
  /** IANA zone the hours are read in, e.g. Asia/Shanghai. */
  time_zone: string;
  target_minutes: number;
  updated_by: string | null;
  updated_at: string;
};

/** One customer message in a customer chat waiting for (or having got) a member's first reply. */
export type ResponseWaitTable = {
  id: string;
  org_id: string;
  conversation_id: string;
  message_id: string;
  /** The message's place in its conversation: a reply answers the waits before it. */
  seq: number;
  customer_id: string;
  /** The customer's owner when the message came. */
  owner_id: string;
  asked_at: string;
  answered_at: string | null;
  answered_by: string | null;
  /** Working time from asked to answered, in seconds. */
  working_seconds: number | null;
  /** When the wait passes the target (owner alert) and twice the target (supervisor), in working time. */
  owner_due_at: string | null;
  supervisor_due_at: string | null;
  owner_alerted_at: string | null;
  supervisor_alerted_at: string | null;
};

export type ResponseTimeTables = {
  response_time_settings: ResponseTimeSettingsTable;
  response_waits: ResponseWaitTable;
};
