/** Turns the server's OpenAPI document into the TypeScript types the console's client uses. */
import openapiTS, { astToString } from 'openapi-typescript';

export const API_TYPES_PATH = new URL('../src/lib/api/schema.gen.ts', import.meta.url);

const HEADER = "// Generated from the server's OpenAPI document by `npm run gen:api`. Do not edit.\n";

export async function renderApiTypes(document: Record<string, unknown>): Promise<string> {
  const ast = await openapiTS(document as unknown as Parameters<typeof openapiTS>[0]);
  return HEADER + astToString(ast);
}
