/** `npm start`: migrate the store and serve the API (and the console, once built). */
import { loadConfig } from './app/config.js';
import { serve } from './app/serve.js';

async function main(): Promise<void> {
  await serve(loadConfig());
}

main().catch((err: unknown) => {
  console.error(`concord: cannot start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
