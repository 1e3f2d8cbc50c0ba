/**
 * One-time codes sent by email to prove a visitor owns an address. Six digits, valid for ten
 * minutes, five tries each; only the newest code of an address works. Requests are limited per
 * address and per network address so the form cannot be used to flood someone's inbox.
 * Codes are stored as SHA-256 hashes bound to their purpose, subject and address.
 */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Ctx } from '../../app/context.js';
import type { Database } from '../../platform/db/schema.js';
import { invalid, tooManyAttempts } from '../../platform/errors.js';

export const EMAIL_CODE_RULES = {
  ttlMinutes: 10,
  maxAttempts: 5,
  resendAfterSeconds: 60,
  perEmailPerHour: 5,
  perAddressPerHour: 20,
} as const;

/** `guest_join`: joining an external group (subject: the group); `contact_join`: a contact-me link (subject: the link). */
export type CodeSubject = { orgId: string; purpose: 'guest_join' | 'contact_join'; subjectId: string; email: string };

const hashCode = (s: CodeSubject, code: string): string =>
  createHash('sha256').update(`${s.purpose}\n${s.subjectId}\n${s.email}\n${code}`).digest('hex');

const HOUR_MS = 3_600_000;

async function countSince(db: Kysely<Database>, column: 'email' | 'ip', value: string, since: string) {
  const row = await db
    .selectFrom('email_codes')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where(column, '=', value)
    .where('created_at', '>', since)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Refuses a new code when the address or the sender asked too often; details say when to retry. */
async function assertMayIssue(ctx: Ctx, s: CodeSubject, ip: string | null): Promise<void> {
  const now = ctx.clock.now().getTime();
  const last = await ctx.db
    .selectFrom('email_codes')
    .select('created_at')
    .where('purpose', '=', s.purpose)
    .where('subject_id', '=', s.subjectId)
    .where('email', '=', s.email)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  const wait = last ? EMAIL_CODE_RULES.resendAfterSeconds - Math.floor((now - Date.parse(last.created_at)) / 1000) : 0;
  if (wait > 0)
    throw tooManyAttempts('A code was sent a moment ago; wait before asking again', { retryAfterSeconds: wait });
  const hourAgo = new Date(now - HOUR_MS).toISOString();
  if ((await countSince(ctx.db, 'email', s.email, hourAgo)) >= EMAIL_CODE_RULES.perEmailPerHour) {
    throw tooManyAttempts('Too many codes were sent to this address; try again in an hour', {
      retryAfterSeconds: 3600,
    });
  }
  if (ip && (await countSince(ctx.db, 'ip', ip, hourAgo)) >= EMAIL_CODE_RULES.perAddressPerHour) {
    throw tooManyAttempts('Too many codes were requested from this network; try again in an hour', {
      retryAfterSeconds: 3600,
    });
  }
}

/**
 * Stores a new code (earlier ones of the same address stop working) and returns it with its
 * row id, so the caller can withdraw it when the mail cannot be sent.
 */
export async function issueEmailCode(
  ctx: Ctx,
  s: CodeSubject,
  ip: string | null,
): Promise<{ id: string; code: string }> {
  await assertMayIssue(ctx, s, ip);
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const id = ctx.ids.next();
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('email_codes')
      .set({ consumed_at: now.toISOString() })
      .where('purpose', '=', s.purpose)
      .where('subject_id', '=', s.subjectId)
      .where('email', '=', s.email)
      .where('consumed_at', 'is', null)
      .execute();
    await tx
      .insertInto('email_codes')
      .values({
        id,
        org_id: s.orgId,
        purpose: s.purpose,
        subject_id: s.subjectId,
        email: s.email,
        code_hash: hashCode(s, code),
        attempts: 0,
        expires_at: new Date(now.getTime() + EMAIL_CODE_RULES.ttlMinutes * 60_000).toISOString(),
        consumed_at: null,
        ip,
        created_at: now.toISOString(),
      })
      .execute();
  });
  return { id, code };
}

/** Removes a code whose mail never left (so it does not count against the sender). */
export async function withdrawEmailCode(ctx: Ctx, id: string): Promise<void> {
  await ctx.db.deleteFrom('email_codes').where('id', '=', id).execute();
}

/**
 * Checks a code and returns its row id; a wrong code spends one of its tries (committed before
 * the refusal). The caller consumes the id with `consumeEmailCode` in its own transaction.
 */
export async function checkEmailCode(ctx: Ctx, s: CodeSubject, code: string): Promise<string> {
  const row = await ctx.db
    .selectFrom('email_codes')
    .select(['id', 'code_hash', 'attempts', 'expires_at'])
    .where('purpose', '=', s.purpose)
    .where('subject_id', '=', s.subjectId)
    .where('email', '=', s.email)
    .where('consumed_at', 'is', null)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  const now = ctx.clock.now().toISOString();
  if (!row || row.expires_at <= now) {
    throw invalid('The code has expired or was never sent; ask for a new one', { field: 'code', reason: 'expired' });
  }
  if (Number(row.attempts) >= EMAIL_CODE_RULES.maxAttempts) {
    throw tooManyAttempts('Too many wrong codes; ask for a new one', { field: 'code' });
  }
  const expected = Buffer.from(row.code_hash, 'hex');
  const given = Buffer.from(hashCode(s, code), 'hex');
  if (!timingSafeEqual(expected, given)) {
    await ctx.db
      .updateTable('email_codes')
      .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
      .where('id', '=', row.id)
      .execute();
    const left = EMAIL_CODE_RULES.maxAttempts - Number(row.attempts) - 1;
    throw invalid('The code is wrong', { field: 'code', reason: 'wrong', attemptsLeft: left });
  }
  return row.id;
}

/** Marks the code used; false when a concurrent request used it first. */
export async function consumeEmailCode(ctx: Pick<Ctx, 'clock'>, tx: Kysely<Database>, id: string): Promise<boolean> {
  const result = await tx
    .updateTable('email_codes')
    .set({ consumed_at: ctx.clock.now().toISOString() })
    .where('id', '=', id)
    .where('consumed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
