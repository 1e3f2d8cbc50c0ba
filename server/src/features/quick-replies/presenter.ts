/** The API shapes of quick replies and categories; `canEdit` tells the console which to offer for editing. */
import type { Actor } from '../../authz/actor.js';
import type { QuickReplyTable } from '../../platform/db/quick-reply-tables.js';
import { scopeOf } from './access.js';
import type { CategoryOut, QuickReplyOut } from './schemas.js';

export type ReplyRow = QuickReplyTable & {
  category_name: string | null;
  created_by_name: string | null;
  updated_by_name: string | null;
};

export type CategoryRow = {
  id: string;
  name: string;
  owner_id: string | null;
  sort_order: number;
  reply_count: string | number;
};

const person = (id: string | null, name: string | null) => (id && name ? { id, name } : null);

export function presentReply(row: ReplyRow, actor: Actor, manage: boolean): QuickReplyOut {
  return {
    id: row.id,
    title: row.title,
    text: row.body,
    scope: scopeOf(row.owner_id),
    category: row.category_id && row.category_name ? { id: row.category_id, name: row.category_name } : null,
    useCount: Number(row.use_count),
    lastUsedAt: row.last_used_at,
    createdBy: person(row.created_by, row.created_by_name),
    updatedBy: person(row.updated_by, row.updated_by_name),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    canEdit: row.owner_id === null ? manage : row.owner_id === actor.memberId,
  };
}

export function presentCategory(row: CategoryRow, manage: boolean): CategoryOut {
  return {
    id: row.id,
    name: row.name,
    scope: scopeOf(row.owner_id),
    sortOrder: Number(row.sort_order),
    replyCount: Number(row.reply_count),
    canEdit: row.owner_id === null ? manage : true,
  };
}
