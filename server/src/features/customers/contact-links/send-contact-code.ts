/** Step one of the contact page: the visitor asks for a one-time code to prove their address. */
import type { Ctx } from '../../../app/context.js';
import type { RequestMeta } from '../../../authz/actor.js';
import { DomainError } from '../../../platform/errors.js';
import { EMAIL_CODE_RULES, issueEmailCode, withdrawEmailCode } from '../../guests/email-codes.js';
import { assertMailConfigured, normaliseEmail } from '../../guests/guest-rules.js';
import type { GuestCodeInput, GuestCodeSentOut } from '../../guests/schemas.js';
import { contactCodeSubject, findLinkByCode } from './contact-lookup.js';

export async function sendContactCode(
  ctx: Ctx,
  code: string,
  input: GuestCodeInput,
  meta: RequestMeta,
): Promise<GuestCodeSentOut> {
  const found = await findLinkByCode(ctx.db, code);
  const email = normaliseEmail(input.email);
  assertMailConfigured(ctx.mail.configured);
  const issued = await issueEmailCode(ctx, contactCodeSubject(found, email), meta.ip);
  const who = found.owner.name;
  try {
    await ctx.mail.send({
      to: email,
      subject: `${issued.code} 是你联系「${who}」的验证码 / your code to chat with ${who}`,
      text: [
        `你正在联系 ${found.orgName} 的 ${who}。`,
        `验证码：${issued.code}（${EMAIL_CODE_RULES.ttlMinutes} 分钟内有效）。如果不是你本人操作，请忽略这封邮件。`,
        '',
        `You are starting a chat with ${who} of ${found.orgName}.`,
        `Your code: ${issued.code} (valid for ${EMAIL_CODE_RULES.ttlMinutes} minutes). If this was not you, ignore this email.`,
      ].join('\n'),
    });
  } catch (err) {
    await withdrawEmailCode(ctx, issued.id);
    ctx.log.warn(
      { reason: err instanceof Error ? err.message : String(err) },
      'mail: a contact code could not be sent',
    );
    throw new DomainError('mail_unavailable', 'The email could not be sent; try again later');
  }
  return {
    email,
    expiresInSeconds: EMAIL_CODE_RULES.ttlMinutes * 60,
    resendAfterSeconds: EMAIL_CODE_RULES.resendAfterSeconds,
  };
}
