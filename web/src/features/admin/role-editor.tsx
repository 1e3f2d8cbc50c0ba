/** Drawer to create or edit a role: name, description, data scope, two-factor rule and permissions. */
import { DATA_SCOPES, type DataScope, PERMISSIONS, type Permission } from '@concord/protocol';
import { Alert, App, Button, Drawer, Flex, Form, Grid, Input, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/auth/use-me';
import { DataScopeField } from './data-scope-field';
import { PermissionMatrix } from './permission-matrix';
import { roleErrorText } from './role-errors';
import { type Role, type RoleInput, useSaveRole } from './roles-api';

type FormValues = {
  name: string;
  description: string;
  dataScope: DataScope;
  requireTotp: boolean;
  permissions: string[];
};

const EMPTY: FormValues = { name: '', description: '', dataScope: 'department', requireTotp: false, permissions: [] };

const toValues = (role: Role | null): FormValues =>
  role
    ? {
        name: role.name,
        description: role.description,
        dataScope: role.dataScope,
        requireTotp: role.requireTotp,
        permissions: [...role.permissions],
      }
    : EMPTY;

const toInput = (values: FormValues): RoleInput => ({
  name: values.name.trim(),
  description: values.description?.trim() ?? '',
  dataScope: DATA_SCOPES.includes(values.dataScope) ? values.dataScope : 'self',
  permissions: PERMISSIONS.filter((p): p is Permission => values.permissions.includes(p)),
  requireTotp: Boolean(values.requireTotp),
});

export function RoleEditor({ open, role, onClose }: { open: boolean; role: Role | null; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<FormValues>();
  const held = useMe().data?.permissions ?? {};
  const save = useSaveRole();
  const [error, setError] = useState<string | null>(null);
  const scope = Form.useWatch('dataScope', form) ?? 'department';
  const selected = Form.useWatch('permissions', form) ?? [];
  const ownerRole = role?.builtinKey === 'owner';

  useEffect(() => {
    if (open) {
      form.setFieldsValue(toValues(role));
      setError(null);
    }
  }, [open, role, form]);

  const submit = async (values: FormValues) => {
    setError(null);
    try {
      await save.mutateAsync({ id: role?.id ?? null, input: toInput(values) });
      message.success(role ? t('roles.saved') : t('roles.created'));
      onClose();
    } catch (err) {
      setError(roleErrorText(t, err, { ownerRole }));
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={role ? t('roles.editTitle') : t('roles.createTitle')}
      size={screens.md ? 720 : '100%'}
      forceRender
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common:action.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {t('common:action.save')}
          </Button>
        </Flex>
      }
    >
      <Form form={form} layout="vertical" initialValues={EMPTY} onFinish={submit} requiredMark>
        {error ? (
          <Alert
            type="error"
            showIcon
            title={error}
            style={{ marginBottom: 16 }}
            closable
            onClose={() => setError(null)}
          />
        ) : null}
        {ownerRole ? <Alert type="info" showIcon title={t('roles.ownerLocked')} style={{ marginBottom: 16 }} /> : null}
        {role?.builtinKey && !ownerRole ? (
          <Alert type="info" showIcon title={t('roles.builtinHint')} style={{ marginBottom: 16 }} />
        ) : null}
        <Form.Item
          name="name"
          label={t('roles.name')}
          rules={[{ required: true, whitespace: true, message: t('roles.nameRequired') }, { max: 50 }]}
        >
          <Input placeholder={t('roles.namePlaceholder')} maxLength={50} />
        </Form.Item>
        <Form.Item name="description" label={t('roles.description')} rules={[{ max: 500 }]}>
          <Input.TextArea
            placeholder={t('roles.descriptionPlaceholder')}
            maxLength={500}
            autoSize={{ minRows: 2, maxRows: 4 }}
          />
        </Form.Item>
        <Form.Item name="dataScope" label={t('roles.dataScope')}>
          <DataScopeField disabled={ownerRole} />
        </Form.Item>
        <Form.Item
          name="requireTotp"
          label={t('roles.requireTotp')}
          valuePropName="checked"
          extra={t('roles.requireTotpHelp')}
        >
          <Switch />
        </Form.Item>
        <Form.Item
          name="permissions"
          label={
            <Flex gap={8} align="baseline" wrap>
              <span>{t('roles.permissions')}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('roles.selectedCount', { count: selected.length, total: PERMISSIONS.length })}
              </Typography.Text>
            </Flex>
          }
          extra={t('roles.sensitiveHint')}
        >
          <PermissionMatrix held={held} scope={scope} disabled={ownerRole} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
