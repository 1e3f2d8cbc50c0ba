/** Route schemas of archive search, conversation replay and exports. */
import { Type } from '@sinclair/typebox';
import { ErrorBody, Id, Obj, Text } from '../../../http/schema-helpers.js';
import { EXPORT_FORMATS } from './export-archive.js';

const FilterProps = {
  q: Type.Optional(Text(200, { description: 'Words to find (Chinese, English or mixed); empty lists by time' })),
  memberId: Type.Optional(Id),
  conversationId: Type.Optional(Id),
  guestEmail: Type.Optional(
    Type.String({ format: 'email', minLength: 3, maxLength: 254, description: 'An external participant' }),
  ),
  from: Type.Optional(Type.String({ format: 'date-time', description: 'Records at or after this instant' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'Records before this instant' })),
};

const Format = Type.Union(
  EXPORT_FORMATS.map((f) => Type.Literal(f)),
  { description: 'csv (UTF-8 with BOM), jsonl, eml (a ZIP of .eml files) or pdf' },
);

export const SearchQuery = Obj({
  ...FilterProps,
  cursor: Type.Optional(Type.String({ maxLength: 100 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
});

export const ExportQuery = Obj({ ...FilterProps, format: Format });

export const ConversationQuery = Obj({
  around: Type.Optional(Type.Integer({ minimum: 1, description: 'The archive seq of the record to centre on' })),
  before: Type.Optional(Type.Integer({ minimum: 0, maximum: 200, default: 20 })),
  after: Type.Optional(Type.Integer({ minimum: 0, maximum: 200, default: 20 })),
  q: Type.Optional(Text(200, { description: 'Highlight these words' })),
});

export const ConversationExportQuery = Obj({ format: Format });

const Span = Type.Object({ start: Type.Integer(), end: Type.Integer() });
const Person = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: Type.Union([Type.Literal('staff'), Type.Literal('guest')]),
});
const ConversationRef = Type.Object({ id: Type.String(), name: Type.String(), kind: Type.String() });

export const ArchiveHit = Type.Object({
  id: Type.String({ description: 'The archive record id' }),
  seq: Type.Integer({ description: 'The record’s archive seq (use as `around`)' }),
  type: Type.Union([Type.Literal('created'), Type.Literal('edited'), Type.Literal('recalled'), Type.Literal('hidden')]),
  at: Type.String(),
  messageId: Type.Union([Type.String(), Type.Null()]),
  conversation: ConversationRef,
  sender: Type.Union([Person, Type.Null()]),
  text: Type.String(),
  highlights: Type.Array(Span, { description: 'UTF-16 [start, end) spans of text matching the query' }),
  previousText: Type.Union([Type.String(), Type.Null()]),
  previousHighlights: Type.Array(Span),
  fileName: Type.Union([Type.String(), Type.Null()]),
  fileHighlights: Type.Array(Span),
  content: Type.Union([Type.Literal('present'), Type.Literal('purged'), Type.Literal('unreadable')]),
});

export const SearchPage = Type.Object({
  items: Type.Array(ArchiveHit),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

export const ConversationReplay = Type.Object({
  conversation: ConversationRef,
  items: Type.Array(
    Type.Composite([
      ArchiveHit,
      Type.Object({
        marks: Type.Union([
          Type.Object({ edited: Type.Boolean(), recalled: Type.Boolean(), hiddenBy: Type.Array(Person) }),
          Type.Null(),
        ]),
      }),
    ]),
  ),
  hasBefore: Type.Boolean(),
  hasAfter: Type.Boolean(),
});

export const FileResponse = (description: string) => ({
  200: {
    description,
    content: {
      'text/csv': { schema: Type.String() },
      'application/x-ndjson': { schema: Type.String() },
      'application/zip': { schema: Type.String({ format: 'binary' }) },
      'application/pdf': { schema: Type.String({ format: 'binary' }) },
    },
  },
  503: ErrorBody,
});
