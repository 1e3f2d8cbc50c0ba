/** HTTP adapter for images and files in messages: upload to a conversation, download by id. */
import type { Ctx } from '../../app/context.js';
import type { App, FeatureRoutes } from '../../http/app-type.js';
import { actorOf } from '../../http/auth.js';
import { errorResponses, IdParams } from '../../http/schema-helpers.js';
import { invalid } from '../../platform/errors.js';
import { openAttachment } from './attachment-reads.js';
import { AttachmentRef, DownloadQuery, DownloadResponse, UploadBody } from './attachment-schemas.js';
import { uploadAttachment } from './commands/upload-attachment.js';

const tags = ['messages'];

function routes(app: App, ctx: Ctx): void {
  app.post(
    '/api/v1/conversations/:id/attachments',
    {
      config: { guest: true },
      schema: {
        tags,
        summary:
          'Upload an image or file (multipart field "file", at most CONCORD_ATTACHMENT_LIMIT bytes) to send in a message (members)',
        consumes: ['multipart/form-data'],
        params: IdParams,
        body: UploadBody,
        response: { 200: AttachmentRef, 413: errorResponses[400], ...errorResponses },
      },
    },
    async (req) =>
      uploadAttachment(ctx, actorOf(req), req.params.id, async (maxBytes) => {
        if (!req.isMultipart()) throw invalid('Upload the file as multipart/form-data in the field "file"');
        return req.file({ limits: { fileSize: maxBytes } });
      }),
  );

  app.get(
    '/api/v1/attachments/:id',
    {
      config: { guest: true },
      schema: {
        tags,
        summary:
          'Download an attachment (members of its conversation; images shown inline unless download=1; gone once its message is recalled)',
        params: IdParams,
        querystring: DownloadQuery,
        response: { 200: DownloadResponse, ...errorResponses },
      },
    },
    async (req, reply) => {
      const content = await openAttachment(ctx, actorOf(req), req.params.id, req.query.download === '1');
      return reply.headers(content.headers).send(content.stream);
    },
  );
}

export const attachmentRoutes: FeatureRoutes = (app, ctx) => {
  routes(app, ctx);
};
