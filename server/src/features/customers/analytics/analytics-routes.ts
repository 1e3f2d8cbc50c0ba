/**
 * HTTP adapter of customer analytics: the funnel, new and lost customers over time, and
 * follow-ups per member and department, first-response times per member, each as JSON or (`format=xlsx`) as a spreadsheet.
 */
import { type TSchema, Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import type { Ctx } from '../../../app/context.js';
import type { App } from '../../../http/app-type.js';
import { actorOf } from '../../../http/auth.js';
import { errorResponses } from '../../../http/schema-helpers.js';
import {
  FollowUpStats,
  FollowUpStatsQuery,
  Funnel,
  FunnelQuery,
  ResponseTimeQuery,
  ResponseTimeStats,
  Trend,
  TrendQuery,
} from './analytics-schemas.js';
import { exportReport, type ReportFile, XLSX_TYPE } from './export-report.js';
import { followUpReport } from './follow-up-report.js';
import { funnelReport } from './funnel-report.js';
import { reportLanguage } from './report-labels.js';
import { responseTimeReport } from './response-time-report.js';
import { trendReport } from './trend-report.js';

const tags = ['customer analytics'];

const answers = (json: TSchema) => ({
  200: {
    description: 'The report as JSON, or as XLSX with format=xlsx',
    content: { 'application/json': { schema: json }, [XLSX_TYPE]: { schema: Type.String() } },
  },
  ...errorResponses,
});

function sendFile(reply: FastifyReply, file: ReportFile) {
  reply.header('content-type', file.contentType);
  reply.header('content-disposition', `attachment; filename="${file.filename}"`);
  reply.header('cache-control', 'no-store');
  // The schema types the body as text; an XLSX file is binary.
  const body: unknown = file.body;
  return reply.send(body as string);
}

const SCOPE_NOTE =
  'counted over the customers in your data scope; deleted customers left out; days in China time (UTC+8)';

export function analyticsRoutes(app: App, ctx: Ctx): void {
  app.get(
    '/api/v1/analytics/funnel',
    {
      schema: {
        tags,
        summary: `Customers per stage in pipeline order with conversion rates from the previous and the first stage, ${SCOPE_NOTE}`,
        querystring: FunnelQuery,
        response: answers(Funnel),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const { format, lang, ...input } = req.query;
      if (format !== 'xlsx') return funnelReport(ctx, actor, input);
      const language = reportLanguage(lang, req.headers['accept-language']);
      const make = async () => ({ kind: 'funnel' as const, data: await funnelReport(ctx, actor, input) });
      return sendFile(reply, await exportReport(ctx, actor, make, input, language));
    },
  );

  app.get(
    '/api/v1/analytics/customers-trend',
    {
      schema: {
        tags,
        summary: `New customers and customers moved into a lost stage per day, week or month, ${SCOPE_NOTE}`,
        querystring: TrendQuery,
        response: answers(Trend),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const { format, lang, ...input } = req.query;
      if (format !== 'xlsx') return trendReport(ctx, actor, input);
      const language = reportLanguage(lang, req.headers['accept-language']);
      const make = async () => ({ kind: 'trend' as const, data: await trendReport(ctx, actor, input) });
      return sendFile(reply, await exportReport(ctx, actor, make, input, language));
    },
  );

  app.get(
    '/api/v1/analytics/follow-ups',
    {
      schema: {
        tags,
        summary: `Follow-ups (call, visit, message, note) per member and per department in a period, ${SCOPE_NOTE}`,
        querystring: FollowUpStatsQuery,
        response: answers(FollowUpStats),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const { format, lang, ...input } = req.query;
      if (format !== 'xlsx') return followUpReport(ctx, actor, input);
      const language = reportLanguage(lang, req.headers['accept-language']);
      const make = async () => ({ kind: 'follow_ups' as const, data: await followUpReport(ctx, actor, input) });
      return sendFile(reply, await exportReport(ctx, actor, make, input, language));
    },
  );

  app.get(
    '/api/v1/analytics/response-time',
    {
      schema: {
        tags,
        summary: `First-response times to customer messages per member (working minutes: median, 90th percentile, overdue) and their distribution, ${SCOPE_NOTE}`,
        querystring: ResponseTimeQuery,
        response: answers(ResponseTimeStats),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const { format, lang, ...input } = req.query;
      if (format !== 'xlsx') return responseTimeReport(ctx, actor, input);
      const language = reportLanguage(lang, req.headers['accept-language']);
      const make = async () => ({ kind: 'response_time' as const, data: await responseTimeReport(ctx, actor, input) });
      return sendFile(reply, await exportReport(ctx, actor, make, input, language));
    },
  );
}
