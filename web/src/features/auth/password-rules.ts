/** Form rules for choosing a new password: required, at least 8 characters, typed twice alike. */
import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';

export const MIN_PASSWORD_LENGTH = 8;

export function newPasswordRules(t: TFunction): FormRule[] {
  return [
    { required: true, message: t('auth:password.required') },
    { min: MIN_PASSWORD_LENGTH, message: t('auth:password.minLength') },
  ];
}

/** Rules of the confirmation field, comparing with the field named `field`. */
export function confirmPasswordRules(t: TFunction, field: string): FormRule[] {
  return [
    { required: true, message: t('auth:password.required') },
    ({ getFieldValue }) => ({
      validator: (_rule, value: unknown) =>
        !value || getFieldValue(field) === value
          ? Promise.resolve()
          : Promise.reject(new Error(t('auth:password.mismatch'))),
    }),
  ];
}
