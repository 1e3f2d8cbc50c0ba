/** Starts the HTTP server and the job worker; stops both cleanly on SIGINT/SIGTERM. */
import { buildApp } from './build-app.js';
import type { Config } from './config.js';
import { createRuntime } from './runtime.js';

export async function serve(config: Config): Promise<void> {
  const runtime = await createRuntime({ config });
  const app = await buildApp(runtime.ctx);
  await app.listen({ port: config.port, host: config.host });
  runtime.worker.start();
  const stop = async (signal: string) => {
    runtime.ctx.log.info({ signal }, 'stopping');
    await app.close();
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}
