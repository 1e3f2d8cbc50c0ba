/** The 数据范围 radio list: each scope with a one-line explanation. */
import { DATA_SCOPES, type DataScope } from '@concord/protocol';
import { Flex, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { scopeDesc, scopeName } from './labels';

export function DataScopeField({
  value,
  onChange,
  disabled,
}: {
  value?: DataScope;
  onChange?: (value: DataScope) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation('admin');
  return (
    <Radio.Group value={value} onChange={(e) => onChange?.(e.target.value as DataScope)} disabled={disabled}>
      <Flex vertical gap={6}>
        {DATA_SCOPES.map((scope) => (
          <Radio value={scope} key={scope}>
            {scopeName(t, scope)}
            <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>
              {scopeDesc(t, scope)}
            </Typography.Text>
          </Radio>
        ))}
      </Flex>
    </Radio.Group>
  );
}
