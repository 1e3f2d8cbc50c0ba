/** HTTP routes for the audit log: list and CSV export. There is deliberately no edit or delete. */
import { Readable } from 'node:stream';
import { Type } from '@sinclair/typebox';
import type { FeatureRoutes } from '../../http/app-type.js';
import { actorOf } from '../../http/auth.js';
import { errorResponses } from '../../http/schema-helpers.js';
import { exportAudit } from './commands/export-audit.js';
import { listAudit } from './list-audit.js';
import { presentAuditEntry } from './presenter.js';
import { AuditExportQuery, AuditListQuery, AuditPage } from './schemas.js';

const tags = ['audit'];

export const auditRoutes: FeatureRoutes = (app, ctx) => {
  app.get(
    '/api/v1/audit',
    {
      schema: {
        tags,
        summary: 'Audit entries, newest first (audit.view)',
        querystring: AuditListQuery,
        response: { 200: AuditPage, ...errorResponses },
      },
    },
    async (req) => {
      const page = await listAudit(ctx, actorOf(req), req.query);
      return { items: page.rows.map(presentAuditEntry), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/v1/audit/export',
    {
      schema: {
        tags,
        summary: 'Export audit entries as CSV (audit.view and data.export)',
        querystring: AuditExportQuery,
        response: {
          200: {
            description: 'UTF-8 CSV with a byte-order mark, at most 100,000 rows',
            content: { 'text/csv': { schema: Type.String() } },
          },
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const result = await exportAudit(ctx, actorOf(req), req.query);
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header('content-disposition', `attachment; filename="${result.filename}"`);
      reply.header('cache-control', 'no-store');
      // Streamed so a large export never sits in memory; the schema types the body as its text.
      const body: unknown = Readable.from(result.chunks);
      return reply.send(body as string);
    },
  );
};
