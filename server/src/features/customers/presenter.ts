/**
 * Customer rows → API shape: the only place responses are built, and so the place contacts are
 * masked for viewers whose `customer.view_contact` does not reach the customer's owner.
 */
import { restorableUntil } from './access.js';
import { type FieldDef, storedValues } from './custom-fields.js';
import { contactFor, maskEmail, maskMobile } from './masking.js';
import type { CustomerRow, MemberFacts, StageMoveRow, StageRow, TagRef } from './queries.js';
import type { Gender, Source } from './rules.js';
import type { CustomerDetailOut, CustomerOut, StageMoveOut } from './schemas.js';
import type { StageKind } from './stages.js';
import { reaches, type Viewer } from './viewer.js';

/** What presenting a set of customers needs, loaded once for the whole page. */
export type PresentContext = {
  viewer: Viewer;
  members: ReadonlyMap<string, MemberFacts>;
  tags: ReadonlyMap<string, TagRef[]>;
  followers: ReadonlyMap<string, string[]>;
  stages: ReadonlyMap<string, StageRow>;
  fields: readonly FieldDef[];
};

/** Whether this viewer sees the contacts of a customer with this owner unmasked. */
export function contactVisible(viewer: Viewer, members: ReadonlyMap<string, MemberFacts>, ownerId: string): boolean {
  return reaches(viewer.contact, { id: ownerId, departmentIds: members.get(ownerId)?.departmentIds ?? [] });
}

export function presentCustomer(row: CustomerRow, pc: PresentContext): CustomerOut {
  const visible = contactVisible(pc.viewer, pc.members, row.owner_id);
  const stage = row.stage_id ? pc.stages.get(row.stage_id) : undefined;
  return {
    id: row.id,
    name: row.name,
    namePinyin: row.name_pinyin,
    company: row.company,
    title: row.title,
    mobile: contactFor(row.mobile, visible, maskMobile),
    email: contactFor(row.email, visible, maskEmail),
    contactMasked: !visible && (row.mobile !== null || row.email !== null),
    gender: row.gender as Gender,
    region: row.region,
    source: row.source as Source,
    remark: row.remark,
    owner: { id: row.owner_id, name: pc.members.get(row.owner_id)?.name ?? '' },
    stage: stage ? { id: stage.id, name: stage.name, kind: stage.kind as StageKind } : null,
    tags: pc.tags.get(row.id) ?? [],
    followerIds: pc.followers.get(row.id) ?? [],
    customFields: storedValues(row.custom_fields, pc.fields),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
    restorableUntil: row.deleted_at ? restorableUntil(row.deleted_at) : null,
  };
}

export function presentStageMove(row: StageMoveRow): StageMoveOut {
  return {
    id: row.id,
    from: row.from_name === null ? null : { id: row.from_stage_id, name: row.from_name },
    to: { id: row.to_stage_id, name: row.to_name },
    by: row.actor_id ? { id: row.actor_id, name: row.actor_name ?? '' } : null,
    note: row.note,
    at: row.at,
  };
}

export function presentCustomerDetail(
  row: CustomerRow,
  pc: PresentContext,
  moves: readonly StageMoveRow[],
): CustomerDetailOut {
  const base = presentCustomer(row, pc);
  const person = (id: string) => ({ id, name: pc.members.get(id)?.name ?? '' });
  return {
    ...base,
    followers: base.followerIds.map(person),
    createdBy: row.created_by ? person(row.created_by) : null,
    stageHistory: moves.map(presentStageMove),
  };
}
