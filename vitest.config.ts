import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: { '@concord/protocol': fileURLToPath(new URL('./protocol/src/index.ts', import.meta.url)) },
  },
  test: {
    include: [
      'server/src/**/*.test.ts',
      'server/test/**/*.test.ts',
      'protocol/src/**/*.test.ts',
      'web/src/**/*.test.{ts,tsx}',
      'web/scripts/**/*.test.ts',
      'test/e2e/**/*.test.ts',
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
