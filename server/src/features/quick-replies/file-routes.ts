/** HTTP adapter for moving the org's quick replies in and out as files (quick_reply.manage). */
import { Type } from '@sinclair/typebox';
import type { Ctx } from '../../app/context.js';
import type { App } from '../../http/app-type.js';
import { actorOf } from '../../http/auth.js';
import { errorResponses } from '../../http/schema-helpers.js';
import { invalid } from '../../platform/errors.js';
import { exportQuickReplies } from './commands/export-replies.js';
import { importQuickReplies } from './commands/import-replies.js';
import { ExportQuickRepliesQuery, ImportQuickRepliesResult } from './schemas.js';

const tags = ['quick replies'];

export function quickReplyFileRoutes(app: App, ctx: Ctx): void {
  app.get(
    '/api/v1/quick-replies/export',
    {
      schema: {
        tags,
        summary:
          'Export the org’s quick replies as CSV (UTF-8 with BOM, default) or XLSX (quick_reply.manage; audited)',
        querystring: ExportQuickRepliesQuery,
        response: {
          200: {
            description: 'Columns 分类, 标题, 内容, 使用次数; the file imports again',
            content: {
              'text/csv': { schema: Type.String() },
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: Type.String() },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const file = await exportQuickReplies(ctx, actorOf(req), req.query.format ?? 'csv');
      reply.header('content-type', file.contentType);
      reply.header('content-disposition', `attachment; filename="${file.filename}"`);
      reply.header('cache-control', 'no-store');
      reply.header('x-concord-export-count', String(file.count));
      // The schema types the body as text; an XLSX file is binary.
      const body: unknown = file.body;
      return reply.send(body as string);
    },
  );

  app.post(
    '/api/v1/quick-replies/import',
    {
      schema: {
        tags,
        summary:
          'Import org quick replies from a CSV (UTF-8 or GBK) or XLSX file in the multipart field "file", columns 分类, 标题, 内容; any bad row (including one a blocking sensitive rule catches) and nothing is imported (quick_reply.manage; audited)',
        consumes: ['multipart/form-data'],
        // Documents the upload; the multipart plugin reads the file, so there is no JSON body to check.
        body: {
          content: {
            'multipart/form-data': {
              schema: { properties: { file: { type: 'string', contentEncoding: 'binary' } }, required: ['file'] },
            },
          },
        },
        response: { 200: ImportQuickRepliesResult, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      if (!req.isMultipart()) throw invalid('Upload the file as multipart/form-data in the field "file"');
      const part = await req.file();
      if (part?.fieldname !== 'file') throw invalid('Upload the file in the field "file"', { field: 'file' });
      return importQuickReplies(ctx, actor, await part.toBuffer());
    },
  );
}
