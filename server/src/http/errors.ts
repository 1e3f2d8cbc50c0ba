/** Maps every failure to `{error:{code,message,details}}` with its status; never a stack trace. */
import { ERROR_STATUS, type ErrorCode } from '@concord/protocol';
import type { FastifyError, FastifyInstance } from 'fastify';
import { DomainError } from '../platform/errors.js';

type Mapped = { status: number; code: ErrorCode; message: string; details?: unknown };

function mapFastifyError(err: FastifyError): Mapped | null {
  if (err.validation) {
    const details = err.validation.map((v) => ({
      field: `${err.validationContext ?? ''}${v.instancePath}`.replace(/\//g, '.'),
      rule: v.keyword,
      message: v.message,
      ...(v.keyword === 'additionalProperties'
        ? { unknownField: (v.params as { additionalProperty?: string }).additionalProperty }
        : {}),
    }));
    return { status: 400, code: 'invalid', message: 'The request is not valid', details };
  }
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
      return { status: 413, code: 'payload_too_large', message: 'The request body is too large' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, code: 'unsupported_media_type', message: 'This content type is not accepted here' };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, code: 'invalid', message: 'The JSON body is empty' };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 400, code: 'invalid', message: 'The content length does not match the body' };
  }
  if (err instanceof SyntaxError || err.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return { status: 400, code: 'invalid', message: 'The body is not valid JSON' };
  }
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    const code: ErrorCode =
      err.statusCode === 413 ? 'payload_too_large' : err.statusCode === 415 ? 'unsupported_media_type' : 'invalid';
    return { status: err.statusCode, code, message: err.message };
  }
  return null;
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    let mapped: Mapped;
    if (err instanceof DomainError) {
      mapped = { status: ERROR_STATUS[err.code], code: err.code, message: err.message, details: err.details };
    } else {
      const fromFastify = mapFastifyError(err);
      if (fromFastify) mapped = fromFastify;
      else {
        req.log.error({ err }, 'unhandled error');
        mapped = { status: 500, code: 'internal', message: 'Something went wrong; the request id is in the log' };
      }
    }
    if (mapped.code === 'too_many_attempts') {
      const retry = (mapped.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
      if (retry) reply.header('retry-after', String(retry));
    }
    const body: { code: ErrorCode; message: string; details?: unknown } = {
      code: mapped.code,
      message: mapped.message,
    };
    if (mapped.details !== undefined) body.details = mapped.details;
    return reply.status(mapped.status).send({ error: body });
  });
  app.setNotFoundHandler((req, reply) =>
    reply
      .status(404)
      .send({ error: { code: 'not_found', message: `No route for ${req.method} ${req.url.split('?')[0]}` } }),
  );
}
