/** Request and response schemas for the org's own settings. */
import { Type } from '@sinclair/typebox';
import { Name, Obj } from '../../http/schema-helpers.js';

export const OrgOut = Type.Object({
  id: Type.String(),
  name: Type.String(),
  settings: Type.Object({ requireTotp: Type.Boolean() }),
});

export const UpdateOrgBody = Obj({
  name: Type.Optional(Name(100)),
  requireTotp: Type.Optional(Type.Boolean()),
});
