/**
 * Keeps the console's API types in step with the server: fails when the checked-in
 * schema.gen.ts differs from what the server's current OpenAPI document produces.
 * `npm run gen:api` runs this file with UPDATE_API_TYPES=1 to rewrite it instead.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { buildOpenApiDocument } from '../../server/src/app/openapi-document.js';
import { API_TYPES_PATH, renderApiTypes } from './api-types.js';

it('has API types generated from the current server', async () => {
  const expected = await renderApiTypes(await buildOpenApiDocument());
  if (process.env.UPDATE_API_TYPES === '1') await writeFile(API_TYPES_PATH, expected);
  const actual = await readFile(API_TYPES_PATH, 'utf8').catch(() => '');
  expect(actual === expected, 'web/src/lib/api/schema.gen.ts is stale: run `npm run gen:api`').toBe(true);
});
