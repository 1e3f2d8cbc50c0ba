/** Request and response schemas of the first-run setup routes. */
import { Type } from '@sinclair/typebox';
import { Name, Obj, Text } from '../../http/schema-helpers.js';
import { LoginResponse } from '../identity/schemas.js';

export const SetupState = Type.Object({
  needsSetup: Type.Boolean({ description: 'True only while the server has no org at all' }),
});

export const SetupBody = Obj({
  orgName: Name(100),
  ownerName: Name(100),
  email: Text(254, { minLength: 3 }),
  password: Type.String({ minLength: 1, maxLength: 256 }),
});

export const SetupResponse = LoginResponse;

export const DemoSetupResponse = Type.Object({
  ...LoginResponse.properties,
  demo: Type.Object(
    { login: Type.String(), password: Type.String() },
    { description: 'The demo admin’s sign-in; every demo member shares this password. Shown once.' },
  ),
});
