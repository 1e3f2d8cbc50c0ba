/** HTTP adapter for the bulk member import: one multipart file field `file` (CSV or XLSX). */
import type { Ctx } from '../../app/context.js';
import type { App } from '../../http/app-type.js';
import { actorOf } from '../../http/auth.js';
import { errorResponses } from '../../http/schema-helpers.js';
import { invalid } from '../../platform/errors.js';
import { importMembers } from './commands/import-members.js';
import { ImportQuery, ImportResult } from './schemas.js';

export function importRoute(app: App, ctx: Ctx): void {
  app.post(
    '/api/v1/members/import',
    {
      schema: {
        tags: ['members'],
        summary:
          'Import members from a CSV (UTF-8 or GBK) or XLSX file in the multipart field "file"; dryRun (default true) only validates (needs member.import)',
        consumes: ['multipart/form-data'],
        // Documents the upload; the multipart plugin reads the file, so there is no JSON body to check.
        body: {
          content: {
            'multipart/form-data': {
              schema: { properties: { file: { type: 'string', contentEncoding: 'binary' } }, required: ['file'] },
            },
          },
        },
        querystring: ImportQuery,
        response: { 200: ImportResult, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      if (!req.isMultipart()) throw invalid('Upload the file as multipart/form-data in the field "file"');
      const part = await req.file();
      if (part?.fieldname !== 'file') throw invalid('Upload the file in the field "file"', { field: 'file' });
      const bytes = await part.toBuffer();
      return importMembers(ctx, actor, bytes, req.query.dryRun ?? true);
    },
  );
}
