/**
 * Canonical JSON: one byte string per value, so a hash over it can be reproduced by anyone.
 * For the values it accepts the output equals RFC 8785 (JSON Canonicalization Scheme):
 *
 *   - object keys sorted by UTF-16 code units (JavaScript's default string order), no whitespace;
 *   - strings as JSON.stringify writes them (only ", \ and U+0000–U+001F escaped, \b \f \n \r \t
 *     short forms, other controls as \u00xx lower-case);
 *   - numbers as ECMAScript Number::toString (JSON.stringify), -0 as 0;
 *   - true, false, null; arrays in order.
 *
 * Refused, so nothing is silently dropped or changed: undefined (also as an object property or
 * an array hole), NaN and ±Infinity, bigint, functions, symbols, anything that is not a plain
 * object or array (Date, Map, Buffer, class instances), cycles, and strings with lone surrogates
 * (they have no UTF-8 form). Encode the result as UTF-8 to hash it.
 */
import { ArchiveCoreError } from './errors.js';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function refuse(path: string, why: string): never {
  throw new ArchiveCoreError('invalid_input', `cannot canonicalise ${path || 'the value'}: ${why}`);
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function encodeString(text: string, path: string): string {
  if (LONE_SURROGATE.test(text)) refuse(path, 'a string holds a lone surrogate');
  return JSON.stringify(text);
}

function encode(value: unknown, path: string, open: Set<object>): string {
  switch (typeof value) {
    case 'string':
      return encodeString(value, path);
    case 'number':
      if (!Number.isFinite(value)) refuse(path, `${value} is not a JSON number`);
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value === null) return 'null';
      if (open.has(value)) refuse(path, 'it contains a cycle');
      open.add(value);
      let out: string;
      if (Array.isArray(value)) {
        const items: string[] = [];
        for (let i = 0; i < value.length; i++) {
          if (!(i in value)) refuse(`${path}[${i}]`, 'arrays may not have holes');
          items.push(encode(value[i], `${path}[${i}]`, open));
        }
        out = `[${items.join(',')}]`;
      } else {
        if (!isPlainObject(value)) refuse(path, `${value.constructor?.name ?? 'this object'} is not a plain object`);
        if (Object.getOwnPropertySymbols(value).length > 0) refuse(path, 'symbol keys have no JSON form');
        const record = value as Record<string, unknown>;
        const members = Object.keys(record)
          .sort()
          .map((key) => `${encodeString(key, path)}:${encode(record[key], `${path}.${key}`, open)}`);
        out = `{${members.join(',')}}`;
      }
      open.delete(value);
      return out;
    }
    default:
      return refuse(path, `${typeof value} has no JSON form`);
  }
}

/** The canonical JSON text of a value (see the file header); throws ArchiveCoreError('invalid_input'). */
export function canonicalJson(value: unknown): string {
  return encode(value, '', new Set());
}

/** UTF-8 bytes of canonicalJson(value): what gets hashed. */
export function canonicalJsonBytes(value: unknown): Buffer {
  return Buffer.from(canonicalJson(value), 'utf8');
}
