/** Loads, for a page of customers, everything their presentation needs, in a handful of queries. */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { fieldDef } from './custom-fields.js';
import type { PresentContext } from './presenter.js';
import { type CustomerRow, followersOf, listFields, listStages, memberFacts, tagsOf } from './queries.js';
import type { Viewer } from './viewer.js';

export async function loadPresentContext(
  db: Kysely<Database>,
  viewer: Viewer,
  rows: readonly CustomerRow[],
): Promise<PresentContext> {
  const ids = rows.map((r) => r.id);
  const [followers, tags, stages, fields] = await Promise.all([
    followersOf(db, viewer.orgId, ids),
    tagsOf(db, viewer.orgId, viewer.memberId, ids),
    listStages(db, viewer.orgId),
    listFields(db, viewer.orgId),
  ]);
  const memberIds = [
    ...rows.map((r) => r.owner_id),
    ...rows.flatMap((r) => (r.created_by ? [r.created_by] : [])),
    ...[...followers.values()].flat(),
  ];
  return {
    viewer,
    members: await memberFacts(db, viewer.orgId, memberIds),
    tags,
    followers,
    stages: new Map(stages.map((s) => [s.id, s])),
    fields: fields.map(fieldDef),
  };
}
