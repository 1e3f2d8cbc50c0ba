/** Response shapes of the setup routes. */
import type { SignInResult } from '../identity/commands/sign-in.js';
import type { LoadedDemo } from './commands/load-demo.js';

export const presentSetupState = (orgExists: boolean) => ({ needsSetup: !orgExists });

export const presentDemo = (loaded: LoadedDemo): SignInResult & { demo: { login: string; password: string } } => ({
  ...loaded.session,
  demo: { login: loaded.admin.login, password: loaded.admin.password },
});
