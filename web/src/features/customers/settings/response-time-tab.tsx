/**
 * 响应时效: the org's working days and hours, time zone and first-response target
 * (customer.manage saves; everyone who serves customers sees them).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, Form, InputNumber, Select, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../components/page-state';
import { api, unwrap } from '../../../lib/api/client';
import { errorText } from '../../../lib/api/error-text';
import type { paths } from '../../../lib/api/schema.gen';

type Settings = paths['/api/v1/response-time/settings']['get']['responses'][200]['content']['application/json'];
type Values = Omit<Settings, 'escalationMinutes' | 'updatedAt'>;

const KEY = ['response-time', 'settings'] as const;
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const pad = (n: number) => String(n).padStart(2, '0');
/** Every half hour from 00:00 to 24:00. */
const TIMES = Array.from({ length: 49 }, (_, i) => `${pad(Math.floor(i / 2))}:${i % 2 ? '30' : '00'}`);
const COMMON_ZONES = ['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Taipei', 'Asia/Singapore', 'Asia/Tokyo', 'UTC'];

function zoneOptions(current: string) {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : COMMON_ZONES;
  return [...new Set([current, ...COMMON_ZONES, ...all])].map((z) => ({ value: z, label: z }));
}

function SettingsForm({ settings, manage }: { settings: Settings; manage: boolean }) {
  const { t } = useTranslation('customers');
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const target = Form.useWatch('targetMinutes', form) ?? settings.targetMinutes;
  useEffect(() => form.setFieldsValue(settings), [form, settings]);
  const save = useMutation({
    mutationFn: (body: Values) => unwrap(api.PUT('/api/v1/response-time/settings', { body })),
    onSuccess: (saved) => {
      client.setQueryData(KEY, saved);
      message.success(t('response.saved'));
    },
    onError: (err) => message.error(errorText(t, err)),
  });
  const times = TIMES.map((v) => ({ value: v, label: v }));
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      disabled={!manage}
      initialValues={settings}
      onFinish={(values) => save.mutate(values)}
      style={{ maxWidth: 560 }}
    >
      <Form.Item
        name="workDays"
        label={t('response.workDays')}
        rules={[{ required: true, type: 'array', min: 1, message: t('response.workDaysRequired') }]}
      >
        <Checkbox.Group options={WEEKDAYS.map((d) => ({ value: d, label: t(`response.weekday.${d}`) }))} />
      </Form.Item>
      <Form.Item label={t('response.hours')} required>
        <Space>
          <Form.Item name="startTime" noStyle>
            <Select showSearch aria-label={t('response.start')} options={times.slice(0, -1)} style={{ width: 110 }} />
          </Form.Item>
          <span>—</span>
          <Form.Item name="endTime" noStyle>
            <Select showSearch aria-label={t('response.end')} options={times.slice(1)} style={{ width: 110 }} />
          </Form.Item>
        </Space>
      </Form.Item>
      <Form.Item name="timeZone" label={t('response.timeZone')}>
        <Select showSearch options={zoneOptions(settings.timeZone)} style={{ width: 260 }} />
      </Form.Item>
      <Form.Item label={t('response.target')} required extra={t('response.escalation', { minutes: (target ?? 0) * 2 })}>
        <Space>
          <Form.Item name="targetMinutes" noStyle>
            <InputNumber aria-label={t('response.target')} min={1} max={1440} precision={0} />
          </Form.Item>
          <span>{t('response.minutes')}</span>
        </Space>
      </Form.Item>
      {manage ? (
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('response.save')}
        </Button>
      ) : null}
    </Form>
  );
}

export function ResponseTimeTab({ manage }: { manage: boolean }) {
  const { t } = useTranslation('customers');
  const settings = useQuery({
    queryKey: KEY,
    queryFn: async () => (await unwrap(api.GET('/api/v1/response-time/settings'))) as Settings,
  });
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('response.hint')}</Typography.Text>
      {settings.data && settings.data.updatedAt === null ? (
        <Typography.Text type="secondary">{t('response.defaults')}</Typography.Text>
      ) : null}
      <QueryState query={settings}>{(data) => <SettingsForm settings={data} manage={manage} />}</QueryState>
    </Space>
  );
}
