/** HTTP adapter for follow-ups on a customer and their files. */
import { Type } from '@sinclair/typebox';
import type { Ctx } from '../../app/context.js';
import type { App } from '../../http/app-type.js';
import { actorOf } from '../../http/auth.js';
import { errorResponses, IdParams } from '../../http/schema-helpers.js';
import { invalid } from '../../platform/errors.js';
import { addFollowUp } from './commands/add-follow-up.js';
import { openFollowUpFile, uploadFollowUpFile } from './follow-up-files.js';
import { getFollowUp, listFollowUps } from './follow-up-reads.js';
import { AddFollowUpBody, FollowUp, FollowUpFile, FollowUpList } from './follow-up-schemas.js';

const tags = ['customers'];

export function followUpRoutes(app: App, ctx: Ctx): void {
  app.get(
    '/api/v1/customers/:id/follow-ups',
    {
      schema: {
        tags,
        summary: 'A customer’s follow-ups (calls, visits, messages, notes), newest first',
        params: IdParams,
        response: { 200: FollowUpList, ...errorResponses },
      },
    },
    async (req) => listFollowUps(ctx, actorOf(req), req.params.id),
  );

  app.post(
    '/api/v1/customers/:id/follow-ups',
    {
      schema: {
        tags,
        summary: 'Record a follow-up on a customer in your scope; a next date queues a reminder for you',
        params: IdParams,
        body: AddFollowUpBody,
        response: { 201: FollowUp, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const id = await addFollowUp(ctx, actor, req.params.id, req.body);
      return reply.status(201).send(await getFollowUp(ctx, actor, req.params.id, id));
    },
  );

  app.post(
    '/api/v1/customers/:id/follow-up-files',
    {
      schema: {
        tags,
        summary:
          'Upload a file or image (multipart field "file", at most CONCORD_ATTACHMENT_LIMIT bytes) to attach to your next follow-up on this customer with fileIds',
        consumes: ['multipart/form-data'],
        params: IdParams,
        body: {
          content: {
            'multipart/form-data': {
              schema: { properties: { file: { type: 'string', contentEncoding: 'binary' } }, required: ['file'] },
            },
          },
        },
        response: { 200: FollowUpFile, 413: errorResponses[400], ...errorResponses },
      },
    },
    async (req) =>
      uploadFollowUpFile(ctx, actorOf(req), req.params.id, async (maxBytes) => {
        if (!req.isMultipart()) throw invalid('Upload the file as multipart/form-data in the field "file"');
        return req.file({ limits: { fileSize: maxBytes } });
      }),
  );

  app.get(
    '/api/v1/follow-up-files/:id',
    {
      schema: {
        tags,
        summary: 'Open a follow-up’s file (whoever sees the customer; images inline unless download=1)',
        params: IdParams,
        querystring: Type.Object({ download: Type.Optional(Type.Literal('1')) }),
        response: {
          200: {
            description: 'The file’s bytes',
            content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
          },
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const file = await openFollowUpFile(ctx, actorOf(req), req.params.id, req.query.download === '1');
      return reply.headers(file.headers).send(file.stream);
    },
  );
}
