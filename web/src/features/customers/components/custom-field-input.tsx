/** The input for one custom field, by its type: text, number, date or one of its options. */
import { Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Field } from '../api';
import type { FieldInput } from '../lib/customer-form';

type Props = { field: Field; value?: FieldInput; onChange?: (value: FieldInput) => void; id?: string };

export function CustomFieldInput({ field, value, onChange, id }: Props) {
  const { t } = useTranslation('customers');
  switch (field.type) {
    case 'number':
      return (
        <InputNumber
          id={id}
          value={typeof value === 'number' ? value : value ? Number(value) : null}
          onChange={(next) => onChange?.(next ?? null)}
          style={{ width: '100%' }}
        />
      );
    case 'date':
      return (
        <Input
          id={id}
          type="date"
          value={value === null || value === undefined ? '' : String(value)}
          onChange={(e) => onChange?.(e.target.value)}
        />
      );
    case 'select':
      return (
        <Select
          id={id}
          value={value ?? undefined}
          onChange={(next) => onChange?.(next ?? null)}
          options={field.options.map((o) => ({ value: o, label: o }))}
          placeholder={t('form.selectPlaceholder')}
          allowClear
        />
      );
    default:
      return (
        <Input
          id={id}
          value={value === null || value === undefined ? '' : String(value)}
          onChange={(e) => onChange?.(e.target.value)}
          maxLength={500}
        />
      );
  }
}
