/** Applies a refused password to a form: field errors under inputs, the rest as alert text. */
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/api/error-text';
import { passwordFailure } from './password-failure';

export function usePasswordFailure() {
  const { t } = useTranslation('auth');
  /** Sets field errors on the form; returns the text for an Alert, or null when shown on a field. */
  return (form: FormInstance, error: unknown, fallbackField: string, fieldNames: Record<string, string> = {}) => {
    const failure = passwordFailure(error, fallbackField);
    if (failure.kind === 'field') {
      form.setFields([{ name: fieldNames[failure.field] ?? failure.field, errors: [t(failure.key)] }]);
      return null;
    }
    if (failure.kind === 'alert') return t(failure.key, failure.values);
    return errorText(t, error);
  };
}
