/** The API shapes of mass messages and their recipients; contacts are masked here, from the viewer's reach. */
import type { MassMessageTable } from '../../platform/db/mass-message-tables.js';
import { contactFor, maskMobile } from '../customers/index.js';
import { EMPTY_TOTALS } from './read-status.js';
import type {
  FailReason,
  MassMessageOut,
  MassMessageStatus,
  RecipientOut,
  RecipientStatus,
  TargetFilterInput,
  TotalsOut,
} from './schemas.js';

type Person = { id: string; name: string };

export type MassMessageFacts = {
  names: ReadonlyMap<string, string>;
  totals: TotalsOut | undefined;
  myAwaitingConfirm: number;
  canApprove: boolean;
  canCancel: boolean;
};

const person = (id: string | null, names: ReadonlyMap<string, string>): Person | null =>
  id ? { id, name: names.get(id) ?? '' } : null;

function attachmentOf(row: MassMessageTable): MassMessageOut['attachment'] {
  if (!row.attachment_kind) return null;
  return { kind: row.attachment_kind, attachmentId: row.attachment_id, url: row.link_url, title: row.link_title };
}

export function presentMassMessage(row: MassMessageTable, facts: MassMessageFacts): MassMessageOut {
  return {
    id: row.id,
    text: row.text,
    attachment: attachmentOf(row),
    filter: JSON.parse(row.filter) as TargetFilterInput,
    status: row.status as MassMessageStatus,
    author: person(row.author_id, facts.names) as Person,
    approver: person(row.approver_id, facts.names),
    reason: row.reason,
    scheduledAt: row.scheduled_at,
    ownerConfirm: Number(row.owner_confirm) === 1,
    createdAt: row.created_at,
    decidedAt: row.decided_at,
    sentAt: row.sent_at,
    totals: facts.totals ?? EMPTY_TOTALS,
    myAwaitingConfirm: facts.myAwaitingConfirm,
    canApprove: facts.canApprove,
    canCancel: facts.canCancel,
  };
}

export type RecipientRow = {
  customer_id: string;
  customer_name: string;
  mobile: string | null;
  owner_id: string;
  owner_name: string;
  status: string;
  fail_reason: string | null;
  sent_at: string | null;
  is_read: number | string;
};

export function presentRecipient(row: RecipientRow, contactVisible: boolean): RecipientOut {
  const read = row.status === 'sent' && Number(row.is_read) === 1;
  return {
    customer: {
      id: row.customer_id,
      name: row.customer_name,
      mobile: contactFor(row.mobile, contactVisible, maskMobile),
    },
    owner: { id: row.owner_id, name: row.owner_name },
    status: (read ? 'read' : row.status) as RecipientStatus,
    failReason: row.fail_reason as FailReason | null,
    sentAt: row.sent_at,
  };
}
