/** Picks tags, grouped as the tag groups are; personal groups are marked as such. */
import { Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useTagGroups } from '../api';

type Props = {
  value?: string[];
  onChange?: (value: string[]) => void;
  placeholder?: string;
  id?: string;
  'aria-label'?: string;
  style?: React.CSSProperties;
};

export function TagPicker({ value, onChange, placeholder, id, style, ...rest }: Props) {
  const { t } = useTranslation('customers');
  const groups = useTagGroups();
  const options = useMemo(
    () =>
      (groups.data ?? [])
        .filter((g) => g.tags.length > 0)
        .map((g) => ({
          label: g.personal ? t('tagPicker.personalGroup', { name: g.name }) : g.name,
          title: g.name,
          options: g.tags.map((tag) => ({ value: tag.id, label: tag.name })),
        })),
    [groups.data, t],
  );
  return (
    <Select
      id={id}
      mode="multiple"
      value={value ?? []}
      onChange={(next) => onChange?.(next)}
      options={options}
      placeholder={placeholder ?? t('tagPicker.placeholder')}
      loading={groups.isLoading}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      style={{ width: '100%', ...style }}
      aria-label={rest['aria-label']}
      maxTagCount="responsive"
    />
  );
}
