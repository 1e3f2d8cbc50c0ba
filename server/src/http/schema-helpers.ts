/**
 * Building blocks for route schemas. Objects reject unknown fields, strings have a length cap
 * and refuse control characters, so bad input stops at the edge with a 400.
 */
import { type TObject, type TProperties, type TSchema, Type } from '@sinclair/typebox';

/** No C0 control characters except tab, newline and carriage return; no DEL. */
const NO_CONTROL = '^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]*$';

/** A JSON object that refuses fields it does not declare. */
export const Obj = <T extends TProperties>(props: T, options: { description?: string } = {}): TObject<T> =>
  Type.Object(props, { additionalProperties: false, ...options });

/** A string of at most `max` characters with no control characters. */
export const Text = (max: number, options: { minLength?: number; description?: string } = {}) =>
  Type.String({ maxLength: max, pattern: NO_CONTROL, ...options });

/** A non-empty single-line name (trimmed by the command). */
export const Name = (max = 100) =>
  Type.String({ minLength: 1, maxLength: max, pattern: '^[^\\u0000-\\u001F\\u007F]*$' });

/** An object id (UUID). Malformed ids are refused before any lookup. */
export const Id = Type.String({ format: 'uuid' });

export const IdParams = Obj({ id: Id });

/** Page size and opaque cursor for list routes. */
export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
};

/** A page of items plus the cursor for the next page (null on the last page). */
export const Page = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) });

export const ErrorBody = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    details: Type.Optional(Type.Unknown()),
  }),
});

/** Error responses every authenticated route may give, for the OpenAPI document. */
export const errorResponses = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
};

export const Ok = Type.Object({ ok: Type.Literal(true) });
