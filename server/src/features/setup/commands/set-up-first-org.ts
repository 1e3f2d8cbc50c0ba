/**
 * First-run setup: creates the server's first org and its owner, then signs the owner in.
 * Refused (and nothing written) once any org exists.
 */
import type { Ctx } from '../../../app/context.js';
import type { RequestMeta } from '../../../authz/actor.js';
import { conflict, DomainError } from '../../../platform/errors.js';
import { type SignInResult, signIn } from '../../identity/commands/sign-in.js';
import { createOrg } from '../../org/index.js';
import { anyOrgExists } from '../queries.js';
import { withSetupLock } from '../setup-lock.js';

export type SetUpInput = { orgName: string; ownerName: string; email: string; password: string };

/** createOrg names fields after its own input; the console knows the setup body's names. */
const FIELD_NAMES: Record<string, string> = { name: 'orgName', ownerEmail: 'email', ownerName: 'ownerName' };

export const setupDone = () => conflict('Setup is already done; sign in instead');

export async function setUpFirstOrg(ctx: Ctx, input: SetUpInput, meta: RequestMeta): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  await withSetupLock(ctx, async (locked) => {
    if (await anyOrgExists(locked.db)) throw setupDone();
    try {
      await createOrg(locked, {
        name: input.orgName,
        ownerName: input.ownerName,
        ownerEmail: email,
        ownerPassword: input.password,
      });
    } catch (err) {
      throw renameField(err);
    }
  });
  return signIn(ctx, { login: email, password: input.password }, meta);
}

function renameField(err: unknown): unknown {
  if (!(err instanceof DomainError) || typeof err.details !== 'object' || err.details === null) return err;
  const details = err.details as { field?: unknown };
  const renamed = typeof details.field === 'string' ? FIELD_NAMES[details.field] : undefined;
  if (!renamed) return err;
  return new DomainError(err.code, err.message, { ...details, field: renamed });
}
