/**
 * Sensitive-content administration (archive.manage): lexicons, rules and "test this text"; and
 * the alert inbox (archive.view, within the reader's data scope over the senders).
 */
import { SENSITIVE_LIMITS } from '@concord/protocol';
import type { Ctx } from '../../../app/context.js';
import { assertMay } from '../../../authz/may.js';
import type { App, FeatureRoutes } from '../../../http/app-type.js';
import { actorOf } from '../../../http/auth.js';
import { ErrorBody, errorResponses, IdParams, Ok } from '../../../http/schema-helpers.js';
import { notFound } from '../../../platform/errors.js';
import { alertVisibility, countAlerts, decodeAlertCursor, encodeAlertCursor, listAlertViews } from './alert-queries.js';
import { createLexicon, deleteLexicon, updateLexicon } from './commands/lexicon-commands.js';
import { reviewAlert } from './commands/review-alert.js';
import { createRule, deleteRule, updateRule } from './commands/rule-commands.js';
import { presentAlert, presentLexicon, presentLexiconSummary, presentRule } from './presenter.js';
import { findLexicon, findRule, listLexicons, listRules } from './queries.js';
import {
  Alert,
  AlertListQuery,
  AlertPage,
  AlertStats,
  AlertStatsQuery,
  CreateLexiconBody,
  CreateRuleBody,
  Lexicon,
  LexiconList,
  ReviewAlertBody,
  Rule,
  RuleList,
  TestTextBody,
  TestTextOut,
  UpdateLexiconBody,
  UpdateRuleBody,
} from './schemas.js';
import { testText } from './test-text.js';

const tags = ['compliance'];
const BASE = '/api/v1/compliance';
const errors = { ...errorResponses, 422: ErrorBody };

/** A full lexicon (10,000 words of up to 50 characters) may exceed the default body limit. */
const lexiconBodyLimit = (ctx: Ctx) =>
  Math.max(ctx.config.bodyLimitBytes, SENSITIVE_LIMITS.wordsPerLexicon * (SENSITIVE_LIMITS.wordMax * 4 + 8));

function lexiconRoutes(app: App, ctx: Ctx): void {
  app.get(
    `${BASE}/lexicons`,
    {
      schema: {
        tags,
        summary: 'The lexicons of the org, without their words (archive.manage)',
        response: { 200: LexiconList, ...errors },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await assertMay(ctx, actor, 'archive.manage');
      return { items: (await listLexicons(ctx.db, actor.orgId)).map(presentLexiconSummary) };
    },
  );

  app.post(
    `${BASE}/lexicons`,
    {
      bodyLimit: lexiconBodyLimit(ctx),
      schema: {
        tags,
        summary: 'Create a lexicon: a named word list with a category (archive.manage; audited)',
        body: CreateLexiconBody,
        response: { 200: Lexicon, ...errors },
      },
    },
    async (req) => presentLexicon(await createLexicon(ctx, actorOf(req), req.body)),
  );

  app.get(
    `${BASE}/lexicons/:id`,
    {
      schema: {
        tags,
        summary: 'A lexicon with its words (archive.manage)',
        params: IdParams,
        response: { 200: Lexicon, ...errors },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await assertMay(ctx, actor, 'archive.manage');
      const row = await findLexicon(ctx.db, actor.orgId, req.params.id);
      if (!row) throw notFound('lexicon');
      return presentLexicon(row);
    },
  );

  app.patch(
    `${BASE}/lexicons/:id`,
    {
      bodyLimit: lexiconBodyLimit(ctx),
      schema: {
        tags,
        summary:
          'Rename a lexicon, change its category or replace its words; its version moves on and the next message uses it (archive.manage; audited)',
        params: IdParams,
        body: UpdateLexiconBody,
        response: { 200: Lexicon, ...errors },
      },
    },
    async (req) => presentLexicon(await updateLexicon(ctx, actorOf(req), req.params.id, req.body)),
  );

  app.delete(
    `${BASE}/lexicons/:id`,
    {
      schema: {
        tags,
        summary: 'Delete a lexicon no rule uses (archive.manage; audited); 409 naming the rules that still use it',
        params: IdParams,
        response: { 200: Ok, ...errors },
      },
    },
    async (req) => {
      await deleteLexicon(ctx, actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );
}

function ruleRoutes(app: App, ctx: Ctx): void {
  app.get(
    `${BASE}/rules`,
    {
      schema: {
        tags,
        summary: 'The sensitive-content rules of the org (archive.manage)',
        response: { 200: RuleList, ...errors },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await assertMay(ctx, actor, 'archive.manage');
      return { items: (await listRules(ctx.db, actor.orgId)).map(presentRule) };
    },
  );

  app.post(
    `${BASE}/rules`,
    {
      schema: {
        tags,
        summary:
          'Create a rule: lexicons and/or detectors, an action (record, mask, block) and a scope (archive.manage; audited)',
        body: CreateRuleBody,
        response: { 200: Rule, ...errors },
      },
    },
    async (req) => presentRule(await createRule(ctx, actorOf(req), req.body)),
  );

  app.post(
    `${BASE}/rules/test`,
    {
      schema: {
        tags,
        summary:
          'Apply every enabled rule to a sample text: the hits, the action that would apply and the masked text (archive.manage)',
        body: TestTextBody,
        response: { 200: TestTextOut, ...errors },
      },
    },
    async (req) => testText(ctx, actorOf(req), req.body.text),
  );

  app.get(
    `${BASE}/rules/:id`,
    {
      schema: { tags, summary: 'One rule (archive.manage)', params: IdParams, response: { 200: Rule, ...errors } },
    },
    async (req) => {
      const actor = actorOf(req);
      await assertMay(ctx, actor, 'archive.manage');
      const row = await findRule(ctx.db, actor.orgId, req.params.id);
      if (!row) throw notFound('rule');
      return presentRule(row);
    },
  );

  app.patch(
    `${BASE}/rules/:id`,
    {
      schema: {
        tags,
        summary: 'Change a rule; it applies from the next message (archive.manage; audited)',
        params: IdParams,
        body: UpdateRuleBody,
        response: { 200: Rule, ...errors },
      },
    },
    async (req) => presentRule(await updateRule(ctx, actorOf(req), req.params.id, req.body)),
  );

  app.delete(
    `${BASE}/rules/:id`,
    {
      schema: {
        tags,
        summary: 'Delete a rule (archive.manage; audited); its alerts stay',
        params: IdParams,
        response: { 200: Ok, ...errors },
      },
    },
    async (req) => {
      await deleteRule(ctx, actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );
}

function alertRoutes(app: App, ctx: Ctx): void {
  app.get(
    `${BASE}/alerts`,
    {
      schema: {
        tags,
        summary:
          'Alerts raised by sensitive-content rules, newest first, for the senders within your archive.view scope',
        querystring: AlertListQuery,
        response: { 200: AlertPage, ...errors },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const visibility = await alertVisibility(ctx, actor);
      const { limit = 50, cursor, ...filters } = req.query;
      const rows = await listAlertViews(ctx.db, actor.orgId, filters, visibility, {
        limit: limit + 1,
        beforeId: cursor ? decodeAlertCursor(cursor) : undefined,
      });
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        items: page.map(presentAlert),
        nextCursor: rows.length > limit && last ? encodeAlertCursor(last.id) : null,
      };
    },
  );

  app.get(
    `${BASE}/alerts/stats`,
    {
      schema: {
        tags,
        summary: 'Alert counts per member and per rule over a time range, within your archive.view scope',
        querystring: AlertStatsQuery,
        response: { 200: AlertStats, ...errors },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const visibility = await alertVisibility(ctx, actor);
      return countAlerts(ctx, actor.orgId, req.query, visibility);
    },
  );

  app.patch(
    `${BASE}/alerts/:id`,
    {
      schema: {
        tags,
        summary: 'Confirm or dismiss an alert, with a note (archive.view over its sender; audited)',
        params: IdParams,
        body: ReviewAlertBody,
        response: { 200: Alert, ...errors },
      },
    },
    async (req) => presentAlert(await reviewAlert(ctx, actorOf(req), req.params.id, req.body)),
  );
}

export const sensitiveRoutes: FeatureRoutes = (app, ctx) => {
  lexiconRoutes(app, ctx);
  ruleRoutes(app, ctx);
  alertRoutes(app, ctx);
};
