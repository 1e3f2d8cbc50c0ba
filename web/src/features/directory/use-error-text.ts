/** The most specific readable text for an API error: a directory-specific reason, else the shared one. */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api/api-error';
import { errorText } from '../../lib/api/error-text';
import { errorKey } from './lib/error-key';

export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation('directory');
  return useCallback(
    (error: unknown) => {
      if (error instanceof ApiError) {
        const specific = errorKey(error);
        if (specific) return t(specific.key, specific.values);
      }
      return errorText(t, error);
    },
    [t],
  );
}
