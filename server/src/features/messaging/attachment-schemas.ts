/** Request and response schemas of the attachment routes, and the attachment a message carries. */
import { type Static, Type } from '@sinclair/typebox';

export const AttachmentRef = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('image'), Type.Literal('file')], {
    description: '"image" only when the bytes are a PNG, JPEG, GIF or WebP',
  }),
  name: Type.String({ description: 'The original file name, cleaned (no directories or control characters)' }),
  size: Type.Integer({ description: 'Bytes' }),
  mime: Type.String(),
  sha256: Type.String({ description: 'SHA-256 of the content, hex' }),
});
export type AttachmentOut = Static<typeof AttachmentRef>;

/** OpenAPI description of the upload (the multipart plugin reads it; there is no JSON body). */
export const UploadBody = {
  content: {
    'multipart/form-data': {
      schema: { properties: { file: { type: 'string', contentEncoding: 'binary' } }, required: ['file'] },
    },
  },
};

export const DownloadQuery = Type.Object({
  download: Type.Optional(
    Type.Union([Type.Literal('1'), Type.Literal('0')], { description: '1: save even an image instead of showing it' }),
  ),
});

/** OpenAPI description of the download: the raw bytes. */
export const DownloadResponse = {
  description: 'The content; images with their type and inline, other files as application/octet-stream',
  content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
};
