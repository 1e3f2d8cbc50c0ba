/**
 * Step one of joining an external group as a visitor: an email with a one-time code. A visitor
 * who joined before may ask again after the link expired (that is how they sign back in);
 * anyone else needs a link that still admits people.
 */
import type { Ctx } from '../../../app/context.js';
import type { RequestMeta } from '../../../authz/actor.js';
import { DomainError } from '../../../platform/errors.js';
import { inviteRefusal, refuse } from '../../messaging/index.js';
import { EMAIL_CODE_RULES, issueEmailCode, withdrawEmailCode } from '../email-codes.js';
import { assertAdmitsGuests, assertMailConfigured, joinCodeSubject, normaliseEmail } from '../guest-rules.js';
import { findGuest, findInviteByCode } from '../invite-lookup.js';
import type { GuestCodeInput, GuestCodeSentOut } from '../schemas.js';

export async function sendGuestJoinCode(
  ctx: Ctx,
  inviteCode: string,
  input: GuestCodeInput,
  meta: RequestMeta,
): Promise<GuestCodeSentOut> {
  const found = await findInviteByCode(ctx.db, inviteCode);
  assertAdmitsGuests(found);
  const email = normaliseEmail(input.email);
  const returning = await findGuest(ctx.db, found.conversation.id, email);
  if (!returning?.inGroup) {
    const refusal = inviteRefusal(found.invite, found.conversation, ctx.clock.now().toISOString());
    if (refusal) throw refuse(refusal);
  }
  assertMailConfigured(ctx.mail.configured);

  const issued = await issueEmailCode(ctx, joinCodeSubject(found, email), meta.ip);
  const group = found.conversation.name ?? '';
  try {
    await ctx.mail.send({
      to: email,
      subject: `${issued.code} 是你加入「${group}」的验证码 / your code to join`,
      text: [
        `你正在加入 ${found.orgName} 的群聊「${group}」。`,
        `验证码：${issued.code}（${EMAIL_CODE_RULES.ttlMinutes} 分钟内有效）。如果不是你本人操作，请忽略这封邮件。`,
        '',
        `You are joining the group "${group}" of ${found.orgName}.`,
        `Your code: ${issued.code} (valid for ${EMAIL_CODE_RULES.ttlMinutes} minutes). If this was not you, ignore this email.`,
      ].join('\n'),
    });
  } catch (err) {
    await withdrawEmailCode(ctx, issued.id);
    // The message only: SMTP errors carry the server's reply, never our credentials.
    ctx.log.warn({ reason: err instanceof Error ? err.message : String(err) }, 'mail: a join code could not be sent');
    throw new DomainError('mail_unavailable', 'The email could not be sent; try again later');
  }
  return {
    email,
    expiresInSeconds: EMAIL_CODE_RULES.ttlMinutes * 60,
    resendAfterSeconds: EMAIL_CODE_RULES.resendAfterSeconds,
  };
}
