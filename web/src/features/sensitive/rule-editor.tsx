/** Modal to create or edit a rule: lexicons and built-in detectors, action, scope, on or off. */
import {
  SENSITIVE_ACTIONS,
  SENSITIVE_DETECTORS,
  SENSITIVE_SCOPES,
  type SensitiveAction,
  type SensitiveDetector,
  type SensitiveScope,
} from '@concord/protocol';
import { Alert, App, Button, Checkbox, Flex, Form, Input, Modal, Radio, Select, Space, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/api/error-text';
import { DepartmentTreeSelect } from '../directory/components/department-tree-select';
import { type Rule, useLexicons, useSaveRule } from './api';

type Values = {
  name: string;
  enabled: boolean;
  lexiconIds: string[];
  detectors: SensitiveDetector[];
  action: SensitiveAction;
  scope: SensitiveScope;
  departmentIds: string[];
};

const EMPTY: Values = {
  name: '',
  enabled: true,
  lexiconIds: [],
  detectors: [],
  action: 'record',
  scope: 'all',
  departmentIds: [],
};

const toValues = (rule: Rule | null): Values =>
  rule
    ? {
        name: rule.name,
        enabled: rule.enabled,
        lexiconIds: [...rule.lexiconIds],
        detectors: [...rule.detectors],
        action: rule.action,
        scope: rule.scope,
        departmentIds: [...rule.departmentIds],
      }
    : EMPTY;

export function RuleEditor({ open, rule, onClose }: { open: boolean; rule: Rule | null; onClose: () => void }) {
  const { t } = useTranslation('sensitive');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const lexicons = useLexicons();
  const save = useSaveRule();
  const [error, setError] = useState<string | null>(null);
  const scope = Form.useWatch('scope', form);
  const action = Form.useWatch('action', form) ?? 'record';

  useEffect(() => {
    if (open) {
      form.setFieldsValue(toValues(rule));
      setError(null);
    }
  }, [open, rule, form]);

  const submit = async (values: Values) => {
    setError(null);
    if (values.lexiconIds.length === 0 && values.detectors.length === 0) {
      setError(t('rules.matchRequired'));
      return;
    }
    try {
      await save.mutateAsync({
        id: rule?.id ?? null,
        body: {
          name: values.name.trim(),
          enabled: values.enabled,
          lexiconIds: values.lexiconIds,
          detectors: values.detectors,
          action: values.action,
          scope: values.scope,
          departmentIds: values.scope === 'departments' ? values.departmentIds : [],
        },
      });
      message.success(rule ? t('rules.saved') : t('rules.created'));
      onClose();
    } catch (err) {
      setError(errorText(t, err));
    }
  };

  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={rule ? t('rules.editTitle') : t('rules.createTitle')}
      width={640}
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
      <Form form={form} name="rule" layout="vertical" initialValues={EMPTY} onFinish={submit}>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
        <Form.Item
          name="name"
          label={t('rules.name')}
          rules={[{ required: true, whitespace: true, message: t('rules.nameRequired') }]}
        >
          <Input placeholder={t('rules.namePlaceholder')} maxLength={60} />
        </Form.Item>
        <Form.Item name="enabled" label={t('rules.enabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="lexiconIds" label={t('rules.lexicons')}>
          <Select
            mode="multiple"
            allowClear
            loading={lexicons.isLoading}
            placeholder={t('rules.lexiconsPlaceholder')}
            optionFilterProp="label"
            options={(lexicons.data?.items ?? []).map((l) => ({ value: l.id, label: l.name }))}
          />
        </Form.Item>
        <Form.Item name="detectors" label={t('rules.detectors')}>
          <Checkbox.Group options={SENSITIVE_DETECTORS.map((d) => ({ value: d, label: t(`detector.${d}`) }))} />
        </Form.Item>
        <Form.Item name="action" label={t('rules.action')} extra={t(`actionHelp.${action}`)}>
          <Radio.Group>
            {SENSITIVE_ACTIONS.map((a) => (
              <Radio key={a} value={a}>
                {t(`action.${a}`)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="scope" label={t('rules.scope')}>
          <Radio.Group>
            <Space wrap>
              {SENSITIVE_SCOPES.map((s) => (
                <Radio key={s} value={s}>
                  {t(`scope.${s}`)}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        {scope === 'departments' ? (
          <Form.Item
            name="departmentIds"
            label={t('rules.departments')}
            extra={t('rules.departmentsHelp')}
            rules={[{ required: true, type: 'array', min: 1, message: t('rules.departmentsRequired') }]}
          >
            <DepartmentTreeSelect multiple placeholder={t('rules.departmentsPlaceholder')} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
