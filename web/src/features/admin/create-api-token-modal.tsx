/** 新建令牌: name, scopes (only permissions the member holds) and validity; hands the secret back once. */
import { PERMISSIONS, type Permission } from '@concord/protocol';
import { Alert, Form, Grid, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/auth/use-me';
import { ApiError } from '../../lib/api/api-error';
import { errorText } from '../../lib/api/error-text';
import { permissionName } from './labels';
import { isSensitive, PERMISSION_GROUPS } from './permission-groups';
import { EXPIRY_CHOICES } from './token-status';
import { useCreateApiToken } from './tokens-api';

type Values = { name: string; scopes: string[]; expires: string };

const NEVER = 'never';

export function CreateApiTokenModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (created: { name: string; token: string }) => void;
}) {
  const { t } = useTranslation('admin');
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const held = useMe().data?.permissions ?? {};
  const create = useCreateApiToken();
  const [error, setError] = useState<string | null>(null);

  const scopeOptions = PERMISSION_GROUPS.map((group) => ({
    label: t(`area.${group.area}`),
    title: t(`area.${group.area}`),
    options: group.permissions.map((p) => ({
      value: p,
      label: isSensitive(p) ? `${permissionName(t, p)}（${t('roles.sensitive')}）` : permissionName(t, p),
      disabled: !held[p],
    })),
  }));
  const expiryOptions = EXPIRY_CHOICES.map((days) => ({
    value: days === null ? NEVER : String(days),
    label: days === null ? t('tokens.expiresNever') : t('tokens.expiresDays', { count: days }),
  }));

  const submit = async (values: Values) => {
    setError(null);
    const scopes = PERMISSIONS.filter((p): p is Permission => values.scopes.includes(p));
    const days = values.expires === NEVER ? undefined : Number(values.expires);
    try {
      const created = await create.mutateAsync({ name: values.name.trim(), scopes, expiresInDays: days });
      form.resetFields();
      onCreated({ name: created.name, token: created.token });
    } catch (err) {
      const beyond =
        err instanceof ApiError && err.status === 403 ? (err.details as { scopes?: unknown })?.scopes : null;
      setError(
        Array.isArray(beyond)
          ? t('roles.errors.grantBeyondOwn', {
              permissions: beyond.map((p) => permissionName(t, String(p))).join('、'),
            })
          : errorText(t, err),
      );
    }
  };

  return (
    <Modal
      open={open}
      title={t('tokens.createTitle')}
      onCancel={() => {
        setError(null);
        onClose();
      }}
      onOk={() => form.submit()}
      okText={t('common:action.create')}
      cancelText={t('common:action.cancel')}
      confirmLoading={create.isPending}
      width={screens.md ? 560 : '100%'}
      forceRender
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ scopes: [], expires: '90' }}>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
        <Form.Item
          name="name"
          label={t('tokens.name')}
          rules={[{ required: true, whitespace: true, message: t('tokens.nameRequired') }, { max: 100 }]}
        >
          <Input placeholder={t('tokens.namePlaceholder')} maxLength={100} />
        </Form.Item>
        <Form.Item
          name="scopes"
          label={t('tokens.scopes')}
          extra={t('tokens.scopesHelp')}
          rules={[{ required: true, type: 'array', min: 1, message: t('tokens.scopesRequired') }]}
        >
          <Select mode="multiple" options={scopeOptions} optionFilterProp="label" allowClear />
        </Form.Item>
        <Form.Item name="expires" label={t('tokens.expires')}>
          <Select options={expiryOptions} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
