/**
 * Auditor access to the archive (archive.view, within its data scope; exports also data.export):
 * search, replay of a conversation around a hit, and exports. Every call is audited.
 */
import type { FastifyReply } from 'fastify';
import type { Ctx } from '../../../app/context.js';
import type { FeatureRoutes } from '../../../http/app-type.js';
import { actorOf } from '../../../http/auth.js';
import { errorResponses, IdParams } from '../../../http/schema-helpers.js';
import { type ArchiveExport, exportConversation, exportSearchResults } from './export-archive.js';
import {
  ConversationExportQuery,
  ConversationQuery,
  ConversationReplay,
  ExportQuery,
  FileResponse,
  SearchPage,
  SearchQuery,
} from './schemas.js';
import { searchArchive } from './search-archive.js';
import { viewArchivedConversation } from './view-conversation.js';

const tags = ['archive'];

function sendFile(reply: FastifyReply, file: ArchiveExport) {
  reply.header('content-type', file.contentType);
  reply.header('content-disposition', `attachment; filename="${file.filename}"`);
  reply.header('cache-control', 'no-store');
  reply.header('x-concord-export-count', String(file.count));
  reply.header('x-concord-export-truncated', String(file.truncated));
  // The schema types the body as text; the file is bytes (a ZIP or PDF is binary).
  const body: unknown = file.body;
  return reply.send(body as string);
}

export const archiveSearchRoutes: FeatureRoutes = (app, ctx: Ctx) => {
  app.get(
    '/api/v1/archive/search',
    {
      schema: {
        tags,
        summary:
          'Search archived messages, newest first: Chinese, English or mixed words, filters, data scope (archive.view; audited)',
        querystring: SearchQuery,
        response: { 200: SearchPage, ...errorResponses },
      },
    },
    async (req) => searchArchive(ctx, actorOf(req), req.query),
  );

  app.get(
    '/api/v1/archive/export',
    {
      schema: {
        tags,
        summary: 'Export a search’s results as CSV, JSONL, EML (ZIP) or PDF (archive.view and data.export; audited)',
        querystring: ExportQuery,
        response: {
          ...FileResponse('The records found, newest first, at most 10,000 (2,000 in a PDF)'),
          ...errorResponses,
        },
      },
    },
    async (req, reply) => sendFile(reply, await exportSearchResults(ctx, actorOf(req), req.query)),
  );

  app.get(
    '/api/v1/archive/conversations/:id',
    {
      schema: {
        tags,
        summary:
          'An archived conversation around a record: its message records in order, with marks (archive.view; audited)',
        params: IdParams,
        querystring: ConversationQuery,
        response: { 200: ConversationReplay, ...errorResponses },
      },
    },
    async (req) => viewArchivedConversation(ctx, actorOf(req), req.params.id, req.query),
  );

  app.get(
    '/api/v1/archive/conversations/:id/export',
    {
      schema: {
        tags,
        summary:
          'Export an archived conversation as CSV, JSONL, EML (ZIP) or PDF (archive.view and data.export; audited)',
        params: IdParams,
        querystring: ConversationExportQuery,
        response: { ...FileResponse('The conversation’s records, oldest first'), ...errorResponses },
      },
    },
    async (req, reply) => sendFile(reply, await exportConversation(ctx, actorOf(req), req.params.id, req.query)),
  );
};
