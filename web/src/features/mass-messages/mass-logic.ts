/** Pure helpers of mass messages: the filter sent from the composer, status colours, refusal texts. */
import type { TFunction } from 'i18next';
import { ApiError } from '../../lib/api/api-error';
import { errorText } from '../../lib/api/error-text';
import type { TargetFilter } from './api';

export type ComposerFilter = {
  tagsAll?: string[];
  tagsAny?: string[];
  tagsNone?: string[];
  stageId?: string | null;
  ownerId?: string | null;
  departmentId?: string | null;
};

/** The filter as the API takes it: empty choices left out, so the preview key stays stable. */
export function targetFilter(form: ComposerFilter): TargetFilter {
  const out: TargetFilter = {};
  if (form.tagsAll?.length) out.tagsAll = form.tagsAll;
  if (form.tagsAny?.length) out.tagsAny = form.tagsAny;
  if (form.tagsNone?.length) out.tagsNone = form.tagsNone;
  if (form.stageId) out.stageId = form.stageId;
  if (form.ownerId) out.ownerId = form.ownerId;
  if (form.departmentId) out.departmentId = form.departmentId;
  return out;
}

const STATUS_COLORS: Record<string, string> = {
  draft: 'default',
  pending_approval: 'gold',
  approved: 'blue',
  sending: 'processing',
  sent: 'green',
  rejected: 'red',
  cancelled: 'default',
  pending: 'default',
  awaiting_confirm: 'gold',
  read: 'green',
  failed: 'red',
};

/** The tag colour of a mass message's or a recipient's status. */
export const statusColor = (status: string): string => STATUS_COLORS[status] ?? 'default';

/** What to tell the author when a submission is refused: the blocking rule, no recipients, or the code's text. */
export function massErrorText(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    const details = error.details as { rule?: { name?: unknown }; reason?: unknown } | undefined;
    if (error.code === 'content_blocked' && typeof details?.rule?.name === 'string') {
      return t('massMessages:blocked', { rule: details.rule.name });
    }
    if (details?.reason === 'no_recipients') return t('massMessages:noRecipients');
    if (details?.reason === 'in_the_past') return t('massMessages:scheduleInPast');
  }
  return errorText(t, error);
}
