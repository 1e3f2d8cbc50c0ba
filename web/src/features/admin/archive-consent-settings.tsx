/** 存档告知与同意: the notice text (each change a new version) and what a decline by an external participant means. */
import { App, Button, Form, Input, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/api/error-text';
import { type ConsentSettingsInput, type DeclinePolicy, useSaveConsentSettings } from './archive-consent-api';
import { formatDateTime } from './format';

export type NoticeView = { version: number; text: string; publishedAt: string | null };

export function ArchiveConsentSettings({
  notice,
  declinePolicy,
}: {
  notice: NoticeView;
  declinePolicy: DeclinePolicy;
}) {
  const { t } = useTranslation('consent');
  const { message } = App.useApp();
  const [form] = Form.useForm<ConsentSettingsInput>();
  const save = useSaveConsentSettings();
  const submit = async (values: ConsentSettingsInput) => {
    try {
      await save.mutateAsync(values);
      message.success(t('admin.saved'));
    } catch (err) {
      message.error(errorText(t, err));
    }
  };
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ notice: notice.text, declinePolicy }}
      onFinish={submit}
      style={{ maxWidth: 760 }}
    >
      <Form.Item
        name="notice"
        label={t('admin.noticeLabel')}
        extra={t('admin.noticeHelp')}
        rules={[{ required: true, whitespace: true, message: t('admin.noticeRequired') }, { max: 5000 }]}
      >
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={5000} />
      </Form.Item>
      <Typography.Paragraph type="secondary" data-testid="archive-notice-version">
        {notice.publishedAt
          ? t('admin.current', { version: notice.version, time: formatDateTime(notice.publishedAt) })
          : t('admin.currentDefault', { version: notice.version })}
      </Typography.Paragraph>
      <Form.Item name="declinePolicy" label={t('admin.policy')}>
        <Radio.Group>
          <Radio value="not_archived">{t('admin.policyNotArchived')}</Radio>
          <Radio value="no_messaging">{t('admin.policyNoMessaging')}</Radio>
        </Radio.Group>
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {t('admin.save')}
      </Button>
    </Form>
  );
}
