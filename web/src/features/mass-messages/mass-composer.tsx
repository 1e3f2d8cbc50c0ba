/**
 * Composing a mass message: the text and an optional image, file or link, the customers it goes to (tags all
 * of / any of / none of, stage, owner, the owner's department) with a live count, and a time.
 */
import { Alert, App, Button, DatePicker, Form, Input, Radio, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useStages } from '../customers/api';
import { MemberPicker } from '../customers/components/member-picker';
import { TagPicker } from '../customers/components/tag-picker';
import { DepartmentTreeSelect } from '../directory/components/department-tree-select';
import { type CreateMassBody, useCreateMassMessage, useRecipientPreview } from './api';
import { type ComposerFilter, massErrorText, targetFilter } from './mass-logic';
import { MassUpload } from './mass-upload';

type Values = ComposerFilter & {
  text: string;
  attachment: 'none' | 'image' | 'file' | 'link';
  uploadId?: string;
  linkTitle?: string;
  linkUrl?: string;
  scheduledAt?: Dayjs | null;
};

const URL_PATTERN = /^https?:\/\/\S+$/;

function bodyOf(values: Values): CreateMassBody {
  return {
    text: values.text.trim(),
    filter: targetFilter(values),
    ...(values.attachment === 'link' && values.linkUrl && values.linkTitle
      ? { attachment: { kind: 'link' as const, url: values.linkUrl.trim(), title: values.linkTitle.trim() } }
      : {}),
    ...((values.attachment === 'image' || values.attachment === 'file') && values.uploadId
      ? { attachment: { kind: values.attachment, attachmentId: values.uploadId } }
      : {}),
    ...(values.scheduledAt ? { scheduledAt: values.scheduledAt.toDate().toISOString() } : {}),
  };
}

function RecipientCount({ filter }: { filter: ComposerFilter }) {
  const { t } = useTranslation('massMessages');
  const preview = useRecipientPreview(targetFilter(filter));
  if (preview.isError) return <Alert type="warning" showIcon title={massErrorText(t, preview.error)} />;
  const data = preview.data;
  return (
    <Alert
      type="info"
      showIcon
      data-testid="mass-preview"
      title={data ? t('composer.preview', { count: data.total }) : t('composer.target')}
      description={data ? t('composer.previewOwners', { count: data.owners.length }) : undefined}
    />
  );
}

export function MassComposer({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation('massMessages');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateMassMessage();
  const stages = useStages().data ?? [];
  const attachment = Form.useWatch('attachment', form);
  const filter: ComposerFilter = {
    tagsAll: Form.useWatch('tagsAll', form),
    tagsAny: Form.useWatch('tagsAny', form),
    tagsNone: Form.useWatch('tagsNone', form),
    stageId: Form.useWatch('stageId', form),
    ownerId: Form.useWatch('ownerId', form),
    departmentId: Form.useWatch('departmentId', form),
  };
  const send = (values: Values, draft: boolean) =>
    create.mutate(
      { ...bodyOf(values), ...(draft ? { draft: true } : {}) },
      {
        onSuccess: () => {
          message.success(t(draft ? 'composer.draftSaved' : 'composer.submitted'));
          onDone();
        },
        onError: (error) => message.error(massErrorText(t, error)),
      },
    );
  const saveDraft = () =>
    form
      .validateFields(['text'])
      .then(() => send(form.getFieldsValue(true) as Values, true))
      .catch(() => undefined);
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{ attachment: 'none' }}
      onFinish={(values) => send(values, false)}
    >
      <Form.Item
        name="text"
        label={t('composer.text')}
        rules={[{ required: true, whitespace: true, message: t('composer.textRequired') }]}
      >
        <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t('composer.textPlaceholder')} />
      </Form.Item>
      <Form.Item name="attachment" label={t('composer.attachment')}>
        <Radio.Group
          options={[
            { value: 'none', label: t('composer.attachmentNone') },
            { value: 'image', label: t('composer.attachmentImage') },
            { value: 'file', label: t('composer.attachmentFile') },
            { value: 'link', label: t('composer.attachmentLink') },
          ]}
        />
      </Form.Item>
      {attachment === 'image' || attachment === 'file' ? (
        <Form.Item key={attachment} name="uploadId" rules={[{ required: true, message: t('composer.uploadRequired') }]}>
          <MassUpload kind={attachment} />
        </Form.Item>
      ) : null}
      {attachment === 'link' ? (
        <>
          <Form.Item name="linkTitle" label={t('composer.linkTitle')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="linkUrl"
            label={t('composer.linkUrl')}
            rules={[{ required: true, pattern: URL_PATTERN, message: t('composer.linkUrlInvalid') }]}
          >
            <Input maxLength={500} />
          </Form.Item>
        </>
      ) : null}
      <Typography.Title level={5}>{t('composer.target')}</Typography.Title>
      <Form.Item name="tagsAll" label={t('composer.tagsAll')}>
        <TagPicker aria-label={t('composer.tagsAll')} />
      </Form.Item>
      <Form.Item name="tagsAny" label={t('composer.tagsAny')}>
        <TagPicker aria-label={t('composer.tagsAny')} />
      </Form.Item>
      <Form.Item name="tagsNone" label={t('composer.tagsNone')}>
        <TagPicker aria-label={t('composer.tagsNone')} />
      </Form.Item>
      <Form.Item name="stageId" label={t('composer.stage')}>
        <Select
          allowClear
          placeholder={t('composer.any')}
          options={stages.map((s) => ({ value: s.id, label: s.name }))}
        />
      </Form.Item>
      <Form.Item name="ownerId" label={t('composer.owner')}>
        <MemberPicker placeholder={t('composer.any')} />
      </Form.Item>
      <Form.Item name="departmentId" label={t('composer.department')}>
        <DepartmentTreeSelect placeholder={t('composer.any')} />
      </Form.Item>
      <RecipientCount filter={filter} />
      <Form.Item
        name="scheduledAt"
        label={t('composer.schedule')}
        extra={t('composer.scheduleHelp')}
        style={{ marginTop: 16 }}
      >
        <DatePicker showTime style={{ width: '100%' }} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          {t('composer.submit')}
        </Button>
        <Button onClick={saveDraft} disabled={create.isPending}>
          {t('composer.saveDraft')}
        </Button>
      </Space>
    </Form>
  );
}
