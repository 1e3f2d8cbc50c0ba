/** The translated text of a failed sign-in, for the Alert on the sign-in card. */
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/api/error-text';
import { signInMessage } from './sign-in-error';

export function useSignInErrorText(error: unknown, step: 'password' | 'totp'): string | null {
  const { t } = useTranslation('auth');
  if (!error) return null;
  const message = signInMessage(error, step);
  return message ? t(message.key, message.values) : errorText(t, error);
}
