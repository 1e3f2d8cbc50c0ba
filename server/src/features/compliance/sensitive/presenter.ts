/** Lexicon, rule and alert rows → API shapes. */
import type { AlertStatus, SensitiveAction, SensitiveCategory, SensitiveScope } from '@concord/protocol';
import type { SensitiveLexiconTable, SensitiveRuleTable } from '../../../platform/db/schema.js';
import type { DetectorKind } from '../engine/index.js';
import type { AlertView } from './alert-queries.js';
import type { Hit } from './apply-rules.js';
import { type LexiconSummaryRow, stringsOf } from './queries.js';

export const presentLexiconSummary = (row: LexiconSummaryRow) => ({
  id: row.id,
  name: row.name,
  category: row.category as SensitiveCategory,
  version: Number(row.version),
  wordCount: Number(row.word_count),
  updatedAt: row.updated_at,
});

export const presentLexicon = (row: SensitiveLexiconTable) => ({
  ...presentLexiconSummary(row),
  words: stringsOf(row.words),
});

export const presentRule = (row: SensitiveRuleTable) => ({
  id: row.id,
  name: row.name,
  enabled: Number(row.enabled) === 1,
  lexiconIds: stringsOf(row.lexicon_ids),
  detectors: stringsOf(row.detectors) as DetectorKind[],
  action: row.action as SensitiveAction,
  scope: row.scope as SensitiveScope,
  departmentIds: stringsOf(row.department_ids),
  updatedAt: row.updated_at,
});

function hitsOf(json: string): Hit[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? (value as Hit[]) : [];
}

export const presentAlert = (row: AlertView) => ({
  id: row.id,
  rule: { id: row.rule_id, name: row.rule_name },
  action: row.action as SensitiveAction,
  outcome: row.outcome as SensitiveAction,
  source: row.source as 'send' | 'edit',
  conversation: { id: row.conversation_id, name: row.conversation_name, kind: row.conversation_kind },
  messageId: row.message_id,
  sender: { id: row.sender_id, name: row.sender_name },
  text: row.body,
  hits: hitsOf(row.hits),
  status: row.status as AlertStatus,
  note: row.note,
  reviewedBy: row.reviewed_by ? { id: row.reviewed_by, name: row.reviewer_name ?? '' } : null,
  reviewedAt: row.reviewed_at,
  createdAt: row.created_at,
});
