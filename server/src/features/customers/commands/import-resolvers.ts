/**
 * How import cells name things: tags as "组/标签" or a tag name unique among the tags the importer
 * sees, stages by name, owners by email, mobile or unique name — and only owners the importer may
 * give customers to (themselves, or members inside their `customer.view` reach).
 */
import type { Ctx } from '../../../app/context.js';
import { normalizeEmail, normalizeMobile } from '../../directory/index.js';
import type { Resolved } from '../import/validate-rows.js';
import { memberFacts, type StageRow, tagsInGroups, visibleTagGroups } from '../queries.js';
import { reaches, type Viewer } from '../viewer.js';

const one = (ids: readonly string[] | undefined): Resolved =>
  !ids || ids.length === 0
    ? { reason: 'not_found' }
    : ids.length > 1
      ? { reason: 'ambiguous' }
      : { id: ids[0] as string };

function push(map: Map<string, string[]>, key: string, id: string) {
  map.set(key, [...(map.get(key) ?? []), id]);
}

export async function importResolvers(
  ctx: Pick<Ctx, 'db'>,
  viewer: Viewer,
  stages: readonly StageRow[],
  ownerTexts: readonly string[],
) {
  const groups = await visibleTagGroups(ctx.db, viewer.orgId, viewer.memberId);
  const tags = await tagsInGroups(
    ctx.db,
    viewer.orgId,
    groups.map((g) => g.id),
  );
  const groupName = new Map(groups.map((g) => [g.id, g.name]));
  const byPath = new Map<string, string[]>();
  const byTagName = new Map<string, string[]>();
  for (const tag of tags) {
    push(byPath, `${groupName.get(tag.group_id)}/${tag.name}`, tag.id);
    push(byTagName, tag.name, tag.id);
  }
  const resolveTag = (text: string): Resolved => {
    const path = text.replace(/\s*[/／:：]\s*/, '/');
    return path.includes('/') ? one(byPath.get(path)) : one(byTagName.get(text));
  };

  const stageByName = new Map<string, string[]>();
  for (const stage of stages) push(stageByName, stage.name, stage.id);
  const resolveStage = (text: string): Resolved => one(stageByName.get(text));

  const owners = await ownerLookup(ctx, viewer.orgId, ownerTexts);
  const facts = await memberFacts(ctx.db, viewer.orgId, [...new Set([...owners.values()].flat())]);
  const resolveOwner = (text: string): Resolved => {
    const found = one(owners.get(ownerKey(text)));
    if ('reason' in found) return found;
    const member = facts.get(found.id);
    if (member?.status !== 'active') return { reason: 'not_found' };
    if (found.id !== viewer.memberId && !reaches(viewer.view, member)) return { reason: 'outside_scope' };
    return found;
  };
  return { resolveTag, resolveStage, resolveOwner };
}

/** An owner cell as a lookup key: normalised email or mobile, else the name as written. */
function ownerKey(text: string): string {
  if (text.includes('@')) return `email:${normalizeEmail(text) ?? text}`;
  const mobile = normalizeMobile(text);
  return mobile ? `mobile:${mobile}` : `name:${text.trim()}`;
}

/** Active staff members of the org named by the owner cells, keyed as `ownerKey` keys them. */
async function ownerLookup(
  ctx: Pick<Ctx, 'db'>,
  orgId: string,
  texts: readonly string[],
): Promise<Map<string, string[]>> {
  const keys = [...new Set(texts.map(ownerKey))];
  const values = (prefix: string) => keys.filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
  const out = new Map<string, string[]>();
  for (const [column, prefix] of [
    ['email', 'email:'],
    ['mobile', 'mobile:'],
    ['name', 'name:'],
  ] as const) {
    const wanted = values(prefix);
    for (let i = 0; i < wanted.length; i += 500) {
      const rows = await ctx.db
        .selectFrom('members')
        .select(['id', column])
        .where('org_id', '=', orgId)
        .where('kind', '=', 'staff')
        .where('status', '=', 'active')
        .where(column, 'in', wanted.slice(i, i + 500))
        .execute();
      for (const row of rows) push(out, `${prefix}${row[column]}`, row.id);
    }
  }
  return out;
}
