/** Starts the HTTP server and the job worker; stops both cleanly on SIGINT/SIGTERM. */
import { buildApp } from './build-app.js';
import type { Config } from './config.js';
import { ensureRecurringJobs } from './jobs.js';
import { createRuntime } from './runtime.js';

/** How often a running server re-checks that recurring jobs have a next run (e.g. after one died). */
const RECURRING_CHECK_MS = 60 * 60 * 1000;

export async function serve(config: Config): Promise<void> {
  const runtime = await createRuntime({ config });
  const { log } = runtime.ctx;
  const app = await buildApp(runtime.ctx);
  await ensureRecurringJobs(runtime.ctx);
  await app.listen({ port: config.port, host: config.host });
  runtime.worker.start();
  const recurring = setInterval(() => {
    ensureRecurringJobs(runtime.ctx).catch((err: unknown) => log.error({ err }, 'could not queue recurring jobs'));
  }, RECURRING_CHECK_MS);
  recurring.unref();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    clearInterval(recurring);
    let code = 0;
    try {
      await app.close();
      await runtime.close();
    } catch (err) {
      log.error({ err }, 'unclean stop');
      code = 1;
    }
    process.exit(code);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}
