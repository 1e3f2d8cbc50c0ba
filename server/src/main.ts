/** `npm start`: migrate the store and serve the API (and the console, once built). */
import { loadConfig } from './app/config.js';
import { serve } from './app/serve.js';

serve(loadConfig()).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
