/** What the contact page shows before the visitor writes anything: who they will chat with. */
import type { Ctx } from '../../../app/context.js';
import { memberChatNoticeFor } from '../../compliance/consent/index.js';
import { findLinkByCode } from './contact-lookup.js';
import type { ContactPreviewOut } from './link-schemas.js';

export async function previewContactLink(ctx: Ctx, code: string): Promise<ContactPreviewOut> {
  const found = await findLinkByCode(ctx.db, code);
  const notice = await memberChatNoticeFor(ctx.db, found.link.org_id, found.owner.id);
  return {
    orgName: found.orgName,
    memberName: found.owner.name,
    linkName: found.link.name,
    mailConfigured: ctx.mail.configured,
    archiveNotice: notice ? { version: notice.version, text: notice.text } : null,
  };
}
