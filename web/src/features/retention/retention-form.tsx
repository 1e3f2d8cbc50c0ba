/** The org-wide retention period and the departments that keep their members' messages longer or shorter. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/api/error-text';
import { formatDate } from '../admin/format';
import { DepartmentTreeSelect } from '../directory/components/department-tree-select';
import { cutoffOf, daysOfPeriod, type Period, periodOfDays, periodProblem } from './period';
import { PeriodInput, periodRule } from './period-input';
import { type RetentionPolicy, useSaveRetention } from './retention-api';

type DepartmentRow = { departmentId?: string; keep: Period };
type Values = { keep: Period; departments: DepartmentRow[] };

const valuesOf = (policy: RetentionPolicy): Values => ({
  keep: periodOfDays(policy.keepDays),
  departments: policy.departments.map((d) => ({ departmentId: d.departmentId, keep: periodOfDays(d.keepDays) })),
});

const policyOf = (values: Values): RetentionPolicy => ({
  keepDays: daysOfPeriod(values.keep),
  departments: (values.departments ?? []).map((d) => ({
    departmentId: d.departmentId ?? '',
    keepDays: daysOfPeriod(d.keep),
  })),
});

export function RetentionForm({ initial }: { initial: RetentionPolicy }) {
  const { t } = useTranslation('retention');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveRetention();
  const keep = Form.useWatch('keep', form);

  const submit = async (values: Values) => {
    try {
      await save.mutateAsync(policyOf(values));
      message.success(t('policy.saved'));
    } catch (err) {
      message.error(errorText(t, err));
    }
  };

  return (
    <Form<Values>
      form={form}
      name="retention"
      layout="vertical"
      initialValues={valuesOf(initial)}
      onFinish={submit}
      style={{ maxWidth: 760 }}
    >
      <Form.Item
        name="keep"
        label={t('policy.org')}
        rules={[periodRule(t)]}
        extra={
          <>
            <div>{t('policy.orgHelp')}</div>
            <CutoffHint period={keep} />
          </>
        }
      >
        <PeriodInput label={t('policy.org')} />
      </Form.Item>
      <Typography.Text strong>{t('policy.departments')}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginBottom: 8 }}>
        {t('policy.departmentsHelp')}
      </Typography.Paragraph>
      <Form.List name="departments">
        {(fields, { add, remove }) => (
          <div data-testid="retention-departments">
            {fields.length === 0 ? (
              <Typography.Paragraph type="secondary">{t('policy.noDepartments')}</Typography.Paragraph>
            ) : null}
            {fields.map((field) => (
              <Flex key={field.key} gap={8} align="flex-start" wrap>
                <Form.Item
                  name={[field.name, 'departmentId']}
                  style={{ flex: '1 1 220px', minWidth: 200 }}
                  rules={[
                    { required: true, message: t('policy.departmentRequired') },
                    ({ getFieldValue }) => ({
                      validator: async (_, value?: string) => {
                        const rows = (getFieldValue('departments') ?? []) as DepartmentRow[];
                        if (value && rows.filter((r) => r?.departmentId === value).length > 1)
                          throw new Error(t('policy.departmentTwice'));
                      },
                    }),
                  ]}
                >
                  <DepartmentTreeSelect placeholder={t('policy.departmentPlaceholder')} />
                </Form.Item>
                <Form.Item name={[field.name, 'keep']} rules={[periodRule(t)]}>
                  <PeriodInput label={t('policy.department')} />
                </Form.Item>
                <Button
                  icon={<DeleteOutlined />}
                  aria-label={t('policy.remove')}
                  title={t('policy.remove')}
                  onClick={() => remove(field.name)}
                />
              </Flex>
            ))}
            <Button
              icon={<PlusOutlined />}
              onClick={() => add({ keep: periodOfDays(1095) } satisfies DepartmentRow)}
              style={{ marginBottom: 16 }}
            >
              {t('policy.addDepartment')}
            </Button>
          </div>
        )}
      </Form.List>
      <div>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('common:action.save')}
        </Button>
      </div>
    </Form>
  );
}

function CutoffHint({ period }: { period: Period | undefined }) {
  const { t } = useTranslation('retention');
  if (!period || periodProblem(period)) return null;
  const cutoff = cutoffOf(daysOfPeriod(period), new Date());
  return (
    <div data-testid="retention-cutoff">
      {cutoff ? t('policy.cutoff', { date: formatDate(cutoff.toISOString()) }) : t('policy.keptForever')}
    </div>
  );
}
