/** Schemas of the customer settings routes: tag groups and tags, the stage pipeline, custom fields. */
import { type Static, Type } from '@sinclair/typebox';
import { Id, Name, Obj } from '../../http/schema-helpers.js';
import { FIELD_TYPES } from './custom-fields.js';
import { STAGE_KINDS } from './stages.js';

/** One of the given strings, typed as their union. */
const Literals = <T extends readonly string[]>(values: T) =>
  Type.Unsafe<T[number]>(Type.Union(values.map((v) => Type.Literal(v))));
const SortOrder = Type.Integer({ minimum: -1_000_000, maximum: 1_000_000 });

export const TAG_NAME_MAX = 32;
export const MAX_TAGS_PER_GROUP = 200;

export const Tag = Type.Object({ id: Type.String(), name: Type.String(), sortOrder: Type.Integer() });
export const TagGroup = Type.Object({
  id: Type.String(),
  name: Type.String(),
  personal: Type.Boolean({ description: 'Visible only to you; org-wide groups need customer.manage to change' }),
  sortOrder: Type.Integer(),
  tags: Type.Array(Tag),
});
export type TagGroupOut = Static<typeof TagGroup>;
export const TagGroupList = Type.Object({ items: Type.Array(TagGroup) });

export const CreateTagGroupBody = Obj({
  name: Name(TAG_NAME_MAX),
  personal: Type.Optional(Type.Boolean({ default: false })),
  sortOrder: Type.Optional(SortOrder),
  tags: Type.Optional(Type.Array(Name(TAG_NAME_MAX), { maxItems: MAX_TAGS_PER_GROUP })),
});
export type CreateTagGroupInput = Static<typeof CreateTagGroupBody>;

export const UpdateTagGroupBody = Obj({ name: Type.Optional(Name(TAG_NAME_MAX)), sortOrder: Type.Optional(SortOrder) });
export type UpdateTagGroupInput = Static<typeof UpdateTagGroupBody>;

export const CreateTagBody = Obj({ name: Name(TAG_NAME_MAX), sortOrder: Type.Optional(SortOrder) });
export type CreateTagInput = Static<typeof CreateTagBody>;
export const UpdateTagBody = Obj({ name: Type.Optional(Name(TAG_NAME_MAX)), sortOrder: Type.Optional(SortOrder) });
export type UpdateTagInput = Static<typeof UpdateTagBody>;
export const TagParams = Obj({ id: Id, tagId: Id });

export const Stage = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: Literals(STAGE_KINDS),
  sortOrder: Type.Integer(),
});
export const StageList = Type.Object({ items: Type.Array(Stage) });
export const SaveStagesBody = Obj({
  stages: Type.Array(
    Obj({
      id: Type.Optional(Id),
      name: Name(TAG_NAME_MAX),
      kind: Literals(STAGE_KINDS),
    }),
    { minItems: 1, maxItems: 30, description: 'The whole pipeline in order; stages left out are removed' },
  ),
});
export type SaveStagesInput = Static<typeof SaveStagesBody>;

export const Field = Type.Object({
  id: Type.String(),
  name: Type.String(),
  type: Literals(FIELD_TYPES),
  options: Type.Array(Type.String()),
  required: Type.Boolean(),
  sortOrder: Type.Integer(),
});
export const FieldList = Type.Object({ items: Type.Array(Field) });
export const SaveFieldsBody = Obj({
  fields: Type.Array(
    Obj({
      id: Type.Optional(Id),
      name: Name(TAG_NAME_MAX),
      type: Literals(FIELD_TYPES),
      options: Type.Optional(Type.Array(Name(50), { maxItems: 50, uniqueItems: true })),
      required: Type.Optional(Type.Boolean()),
    }),
    { maxItems: 50, description: 'Every custom field in order; fields left out are removed' },
  ),
});
export type SaveFieldsInput = Static<typeof SaveFieldsBody>;
