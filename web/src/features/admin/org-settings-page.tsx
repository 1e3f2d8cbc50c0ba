/** 企业设置: the org name and the everyone-must-use-two-factor switch (needs org.manage). */
import { Alert, App, Button, Divider, Form, Input, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/page-state';
import { RequirePermission } from '../../components/require-permission';
import { errorText } from '../../lib/api/error-text';
import { AdminPanel } from './admin-panel';
import { useOrg, useUpdateOrg } from './org-api';

type Values = { name: string; requireTotp: boolean };

export function OrgSettingsPage() {
  return (
    <RequirePermission permission="org.manage">
      <OrgSettingsView />
    </RequirePermission>
  );
}

function OrgSettingsView() {
  const { t } = useTranslation('admin');
  const org = useOrg();
  return (
    <AdminPanel title={t('org.title')} subtitle={t('org.subtitle')}>
      <QueryState query={org}>
        {(data) => <OrgForm key={data.id} initial={{ name: data.name, requireTotp: data.settings.requireTotp }} />}
      </QueryState>
    </AdminPanel>
  );
}

function OrgForm({ initial }: { initial: Values }) {
  const { t } = useTranslation('admin');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const update = useUpdateOrg();
  const requireTotp = Form.useWatch('requireTotp', form);

  const submit = async (values: Values) => {
    try {
      const saved = await update.mutateAsync({ name: values.name.trim(), requireTotp: values.requireTotp });
      form.setFieldsValue({ name: saved.name, requireTotp: saved.settings.requireTotp });
      message.success(t('org.saved'));
    } catch (err) {
      message.error(errorText(t, err));
    }
  };

  return (
    <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={submit} style={{ maxWidth: 560 }}>
      <Typography.Title level={5}>{t('org.basics')}</Typography.Title>
      <Form.Item
        name="name"
        label={t('org.name')}
        rules={[{ required: true, whitespace: true, message: t('org.nameRequired') }, { max: 100 }]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Divider />
      <Typography.Title level={5}>{t('org.security')}</Typography.Title>
      <Form.Item
        name="requireTotp"
        label={t('org.requireTotp')}
        valuePropName="checked"
        extra={t('org.requireTotpHelp')}
      >
        <Switch />
      </Form.Item>
      {requireTotp && !initial.requireTotp ? (
        <Alert type="warning" showIcon title={t('org.requireTotpOnWarning')} style={{ marginBottom: 16 }} />
      ) : null}
      <Button type="primary" htmlType="submit" loading={update.isPending}>
        {t('common:action.save')}
      </Button>
    </Form>
  );
}
