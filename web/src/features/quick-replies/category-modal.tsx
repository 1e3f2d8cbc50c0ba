/** New or renamed quick-reply category: a name and its place in the order. */
import { Form, Input, InputNumber, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { type QuickReplyCategory, quickReplyApi, type ReplyScope } from './api';
import { useReplyMutation } from './use-reply-mutation';

type Values = { name: string; sortOrder?: number | null };

export function CategoryModal({
  scope,
  category,
  onClose,
}: {
  scope: ReplyScope;
  category: QuickReplyCategory | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('quickReplies');
  const [form] = Form.useForm<Values>();
  const save = useReplyMutation((values: Values) => {
    const body = { name: values.name.trim(), ...(values.sortOrder != null ? { sortOrder: values.sortOrder } : {}) };
    return category
      ? quickReplyApi.updateCategory(category.id, body)
      : quickReplyApi.createCategory({ ...body, scope });
  });
  const title = category
    ? t('categories.edit')
    : scope === 'org'
      ? t('categories.addOrg')
      : t('categories.addPersonal');
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common:action.save')}
      cancelText={t('common:action.cancel')}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ name: category?.name ?? '', sortOrder: category?.sortOrder ?? 0 }}
        onFinish={(values) => save.mutate(values, { onSuccess: onClose })}
      >
        <Form.Item
          name="name"
          label={t('categories.name')}
          rules={[{ required: true, whitespace: true, message: t('categories.nameRequired') }, { max: 30 }]}
        >
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('categories.sortOrder')}>
          <InputNumber min={-1000} max={1000} precision={0} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
