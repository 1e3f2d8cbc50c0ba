/** What the join page shows before anyone signs in: the org, the group, its size and whether the link still works. */
import type { Ctx } from '../../app/context.js';
import { inviteRefusal } from '../messaging/index.js';
import { findInviteByCode } from './invite-lookup.js';
import type { InvitePreviewOut } from './schemas.js';

export async function previewInvite(ctx: Ctx, code: string): Promise<InvitePreviewOut> {
  const found = await findInviteByCode(ctx.db, code);
  const count = await ctx.db
    .selectFrom('conversation_members')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('conversation_id', '=', found.conversation.id)
    .executeTakeFirst();
  return {
    orgName: found.orgName,
    groupName: found.conversation.name,
    avatarUrl: found.conversation.avatarUrl,
    kind: found.conversation.kind,
    memberCount: Number(count?.n ?? 0),
    status: inviteRefusal(found.invite, found.conversation, ctx.clock.now().toISOString()) ?? 'valid',
    mailConfigured: ctx.mail.configured,
  };
}
