/** The org's mass-message rules: the frequency cap per customer, approval and owners' confirmation. */
import { App, Button, Form, InputNumber, Select, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/page-state';
import { errorText } from '../../lib/api/error-text';
import { type MassSettings, useMassSettings, useSaveMassSettings } from './api';

export function MassSettingsForm() {
  const settings = useMassSettings();
  return <QueryState query={settings}>{(data) => <SettingsEditor initial={data} />}</QueryState>;
}

function SettingsEditor({ initial }: { initial: MassSettings }) {
  const { t } = useTranslation('massMessages');
  const { message } = App.useApp();
  const save = useSaveMassSettings();
  const periods = (['day', 'week', 'month'] as const).map((p) => ({ value: p, label: t(`settings.period.${p}`) }));
  return (
    <Form<MassSettings>
      layout="vertical"
      initialValues={initial}
      style={{ maxWidth: 480 }}
      onFinish={(values) =>
        save.mutate(values, {
          onSuccess: () => message.success(t('settings.saved')),
          onError: (error) => message.error(errorText(t, error)),
        })
      }
    >
      <Space align="end" wrap>
        <Form.Item name="capPeriod" label={t('settings.capPeriod')}>
          <Select options={periods} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="capCount" label={t('settings.capCount')}>
          <InputNumber min={1} max={100} precision={0} suffix={t('settings.capUnit')} style={{ width: 180 }} />
        </Form.Item>
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        {t('settings.capPeriodHelp')}
      </Typography.Paragraph>
      <Form.Item name="requireApproval" label={t('settings.requireApproval')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item name="ownerConfirm" label={t('settings.ownerConfirm')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {t('settings.save')}
      </Button>
    </Form>
  );
}
