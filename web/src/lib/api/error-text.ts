/** Readable, translated text for an error: the code's message plus the fields at fault. */
import type { TFunction } from 'i18next';
import { ApiError, invalidFields } from './api-error';

export function errorText(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t('common:errors.internal');
  const key = `common:errors.${error.code}`;
  const text = t(key, { defaultValue: '' }) || t('common:errors.internal');
  const fields = error.code === 'invalid' ? invalidFields(error) : [];
  return fields.length > 0 ? `${text}（${t('common:errors.fields', { fields: fields.join(', ') })}）` : text;
}
