/** New or edited quick reply: kind (org-wide only with quick_reply.manage), title, text, category. */
import { Form, Input, Modal, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { type QuickReply, type QuickReplyCategory, quickReplyApi, type ReplyScope } from './api';
import { categoriesFor } from './reply-logic';
import { useReplyMutation } from './use-reply-mutation';

const TITLE_MAX = 50;
const TEXT_MAX = 2000;

type Values = { scope: ReplyScope; title: string; text: string; categoryId?: string | null };

export function ReplyModal({
  reply,
  categories,
  manage,
  defaults,
  onClose,
}: {
  reply: QuickReply | null;
  categories: readonly QuickReplyCategory[];
  manage: boolean;
  defaults: { scope: ReplyScope; categoryId: string | null };
  onClose: () => void;
}) {
  const { t } = useTranslation('quickReplies');
  const [form] = Form.useForm<Values>();
  const scope = Form.useWatch('scope', form) ?? reply?.scope ?? defaults.scope;
  const save = useReplyMutation((values: Values) => {
    const fields = { title: values.title.trim(), text: values.text.trim(), categoryId: values.categoryId ?? null };
    return reply ? quickReplyApi.update(reply.id, fields) : quickReplyApi.create({ ...fields, scope: values.scope });
  });
  return (
    <Modal
      open
      title={reply ? t('form.editTitle') : t('form.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common:action.save')}
      cancelText={t('common:action.cancel')}
      confirmLoading={save.isPending}
      destroyOnHidden
      width={640}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          scope: reply?.scope ?? defaults.scope,
          title: reply?.title ?? '',
          text: reply?.text ?? '',
          categoryId: reply ? (reply.category?.id ?? null) : defaults.categoryId,
        }}
        onFinish={(values) => save.mutate(values, { onSuccess: onClose })}
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.scope) form.setFieldValue('categoryId', null);
        }}
      >
        <Form.Item name="scope" label={t('form.scope')}>
          <Radio.Group disabled={reply !== null}>
            <Radio.Button value="personal">{t('scope.personal')}</Radio.Button>
            <Radio.Button value="org" disabled={!manage}>
              {t('scope.org')}
            </Radio.Button>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="title"
          label={t('form.title')}
          rules={[{ required: true, whitespace: true, message: t('form.titleRequired') }, { max: TITLE_MAX }]}
        >
          <Input maxLength={TITLE_MAX} />
        </Form.Item>
        <Form.Item
          name="text"
          label={t('form.text')}
          rules={[{ required: true, whitespace: true, message: t('form.textRequired') }, { max: TEXT_MAX }]}
        >
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 10 }} maxLength={TEXT_MAX} showCount />
        </Form.Item>
        <Form.Item name="categoryId" label={t('form.category')}>
          <Select
            allowClear
            placeholder={t('form.noCategory')}
            options={categoriesFor(categories, scope).map((c) => ({ value: c.id, label: c.name }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
