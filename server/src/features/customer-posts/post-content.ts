/**
 * What a post or comment may carry, checked before anything is written: trimmed text, known
 * images of the author not used by another post, and no hit of a blocking sensitive rule
 * (422 `content_blocked` naming the rule), since the text goes out to customers as it is.
 */
import type { Kysely } from 'kysely';
import type { Ctx } from '../../app/context.js';
import type { Actor } from '../../authz/actor.js';
import type { Database } from '../../platform/db/schema.js';
import { DomainError, invalid } from '../../platform/errors.js';
import { blockingRuleFor } from '../compliance/sensitive/index.js';

/** 422 `content_blocked` naming the rule and what it found, when the text hits a blocking rule. */
export async function assertNotBlocked(
  ctx: Pick<Ctx, 'bus' | 'db'>,
  orgId: string,
  text: string,
  what: 'post' | 'comment',
): Promise<void> {
  if (!text) return;
  const rule = await blockingRuleFor(ctx, orgId, text);
  if (!rule) return;
  throw new DomainError(
    'content_blocked',
    `The ${what} was not sent: the rule "${rule.name}" blocks ${rule.found.join(', ')}`,
    { rule: { id: rule.id, name: rule.name }, found: rule.found },
  );
}

/** The comment's text, trimmed; 400 when blank. */
export function commentText(text: string): string {
  const body = text.trim();
  if (!body) throw invalid('Write something first', { field: 'text', reason: 'empty' });
  return body;
}

/** The images in the order given, each uploaded by the actor and not yet in a post. */
export async function claimableImages(db: Kysely<Database>, actor: Actor, ids: readonly string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (unique.length !== ids.length)
    throw invalid('An image is listed twice', { field: 'imageIds', reason: 'repeated' });
  if (unique.length === 0) return [];
  const rows = await db
    .selectFrom('customer_post_images')
    .select('id')
    .where('org_id', '=', actor.orgId)
    .where('uploader_id', '=', actor.memberId)
    .where('post_id', 'is', null)
    .where('id', 'in', unique)
    .execute();
  const found = new Set(rows.map((r) => r.id));
  const unknown = unique.filter((id) => !found.has(id));
  if (unknown.length > 0) {
    throw invalid('Upload the images first; each goes in one post', {
      field: 'imageIds',
      reason: 'unknown_image',
      imageIds: unknown,
    });
  }
  return unique;
}
