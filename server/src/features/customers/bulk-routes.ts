/** HTTP adapter for work on many customers: bulk tags, duplicates, import and export. */
import { Type } from '@sinclair/typebox';
import type { Ctx } from '../../app/context.js';
import type { App } from '../../http/app-type.js';
import { actorOf } from '../../http/auth.js';
import { errorResponses } from '../../http/schema-helpers.js';
import { invalid } from '../../platform/errors.js';
import { exportCustomers } from './commands/export-customers.js';
import { importCustomers } from './commands/import-customers.js';
import { tagCustomers } from './commands/tag-customers.js';
import { listDuplicates } from './reads.js';
import {
  BulkTagBody,
  BulkTagResult,
  DuplicateGroups,
  ExportCustomersQuery,
  ImportQuery,
  ImportResult,
} from './schemas.js';

const tags = ['customers'];

export function bulkRoutes(app: App, ctx: Ctx): void {
  app.post(
    '/api/v1/customers/tags',
    {
      schema: {
        tags,
        summary: 'Add and remove tags on up to 500 customers in your scope at once; all or nothing',
        body: BulkTagBody,
        response: { 200: BulkTagResult, ...errorResponses },
      },
    },
    async (req) => tagCustomers(ctx, actorOf(req), req.body),
  );

  app.get(
    '/api/v1/customers/duplicates',
    {
      schema: {
        tags,
        summary: 'Customers in your scope sharing a mobile or an email, grouped by what they share',
        response: { 200: DuplicateGroups, ...errorResponses },
      },
    },
    async (req) => listDuplicates(ctx, actorOf(req)),
  );

  app.post(
    '/api/v1/customers/import',
    {
      schema: {
        tags,
        summary:
          'Import customers from a CSV (UTF-8 or GBK) or XLSX file in the multipart field "file"; dryRun (default true) only validates; any bad row and nothing is imported',
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
      return importCustomers(ctx, actor, bytes, {
        dryRun: req.query.dryRun ?? true,
        allowDuplicates: req.query.allowDuplicates ?? false,
      });
    },
  );

  app.get(
    '/api/v1/customers/export',
    {
      schema: {
        tags,
        summary:
          'Export the customers a filter finds as CSV or XLSX, naming the exporter in the file; contacts masked as you see them (data.export; audited)',
        querystring: ExportCustomersQuery,
        response: {
          200: {
            description: 'CSV (UTF-8 with BOM) or XLSX, at most 20,000 customers',
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
      const file = await exportCustomers(ctx, actorOf(req), req.query);
      reply.header('content-type', file.contentType);
      reply.header('content-disposition', `attachment; filename="${file.filename}"`);
      reply.header('cache-control', 'no-store');
      reply.header('x-concord-export-count', String(file.count));
      reply.header('x-concord-export-truncated', String(file.truncated));
      // The schema types the body as text; an XLSX file is binary.
      const body: unknown = file.body;
      return reply.send(body as string);
    },
  );
}
