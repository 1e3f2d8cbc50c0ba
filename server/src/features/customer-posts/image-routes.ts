/** HTTP adapter for a post's images: upload (colleagues), open (colleagues, and customers the post reached). */
import type { Ctx } from '../../app/context.js';
import type { App } from '../../http/app-type.js';
import { actorOf } from '../../http/auth.js';
import { errorResponses, IdParams } from '../../http/schema-helpers.js';
import { invalid } from '../../platform/errors.js';
import { uploadPostImage } from './commands/upload-image.js';
import { openImageForGuest, openImageForMember } from './image-reads.js';
import { ImageRef } from './schemas.js';

const tags = ['customer posts'];
const UploadBody = {
  content: {
    'multipart/form-data': {
      schema: { properties: { file: { type: 'string', contentEncoding: 'binary' } }, required: ['file'] },
    },
  },
};
const ImageResponse = {
  description: 'The image, shown inline',
  content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
};

export function postImageRoutes(app: App, ctx: Ctx): void {
  app.post(
    '/api/v1/customer-posts/images',
    {
      schema: {
        tags,
        summary: 'Upload an image for a post (multipart field "file"; PNG, JPEG, GIF or WebP; at most 10 MB)',
        consumes: ['multipart/form-data'],
        body: UploadBody,
        response: { 200: ImageRef, 413: errorResponses[400], ...errorResponses },
      },
    },
    async (req) =>
      uploadPostImage(ctx, actorOf(req), async (maxBytes) => {
        if (!req.isMultipart()) throw invalid('Upload the image as multipart/form-data in the field "file"');
        return req.file({ limits: { fileSize: maxBytes } });
      }),
  );

  app.get(
    '/api/v1/customer-posts/images/:id',
    {
      schema: {
        tags,
        summary: 'A post’s image (its uploader, or anyone who sees the post)',
        params: IdParams,
        response: { 200: ImageResponse, ...errorResponses },
      },
    },
    async (req, reply) => {
      const image = await openImageForMember(ctx, actorOf(req), req.params.id);
      return reply.headers(image.headers).send(image.stream);
    },
  );

  app.get(
    '/api/v1/guest/post-images/:id',
    {
      config: { guest: true },
      schema: {
        tags,
        summary: 'For a customer on their page: an image of a post addressed to them',
        params: IdParams,
        response: { 200: ImageResponse, ...errorResponses },
      },
    },
    async (req, reply) => {
      const image = await openImageForGuest(ctx, actorOf(req), req.params.id);
      return reply.headers(image.headers).send(image.stream);
    },
  );
}
