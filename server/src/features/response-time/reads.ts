/** Reading the response-time settings: anyone who works with customers may see the target. */
import type { Ctx } from '../../app/context.js';
import type { Actor } from '../../authz/actor.js';
import { assertMay, reachOf } from '../../authz/may.js';
import { forbidden } from '../../platform/errors.js';
import { presentSettings } from './presenter.js';
import type { ResponseSettingsOutput } from './schemas.js';
import { loadResponseSettings } from './settings.js';

export async function readResponseSettings(ctx: Ctx, actor: Actor): Promise<ResponseSettingsOutput> {
  const [serve, view, manage] = await Promise.all([
    reachOf(ctx, actor, 'customer.serve'),
    reachOf(ctx, actor, 'customer.view'),
    reachOf(ctx, actor, 'customer.manage'),
  ]);
  if (!serve && !view && !manage) {
    await assertMay(ctx, actor, 'customer.serve');
    throw forbidden();
  }
  return presentSettings(await loadResponseSettings(ctx.db, actor.orgId));
}
