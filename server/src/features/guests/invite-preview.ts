/**
 * What the join page shows before anyone signs in: the org, the group, its size, whether the link
 * still works, and the archive notice a visitor answers when the group is archived.
 */
import type { Ctx } from '../../app/context.js';
import { guestNoticeFor } from '../compliance/consent/index.js';
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
  const notice =
    found.conversation.kind === 'external'
      ? await guestNoticeFor(ctx.db, found.invite.org_id, found.conversation.id)
      : null;
  return {
    orgName: found.orgName,
    groupName: found.conversation.name,
    avatarUrl: found.conversation.avatarUrl,
    kind: found.conversation.kind,
    memberCount: Number(count?.n ?? 0),
    status: inviteRefusal(found.invite, found.conversation, ctx.clock.now().toISOString()) ?? 'valid',
    mailConfigured: ctx.mail.configured,
    archiveNotice: notice ? { version: notice.version, text: notice.text } : null,
  };
}
