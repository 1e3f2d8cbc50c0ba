/** Creating or editing a contact-me link: name, tags and stage for new customers, welcome message. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/api/error-text';
import { useStages } from '../api';
import { TagPicker } from '../components/tag-picker';
import {
  type ContactLink,
  type ContactLinkBody,
  contactKeys,
  createContactLink,
  updateContactLink,
} from './contact-link-api';

type Values = { name: string; tagIds?: string[]; stageId?: string | null; welcomeMessage?: string };

export function ContactLinkModal({ link, onClose }: { link: ContactLink | null; onClose: () => void }) {
  const { t } = useTranslation('customers');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const stages = useStages();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (values: Values) => {
      const body: ContactLinkBody = {
        name: values.name,
        tagIds: values.tagIds ?? [],
        stageId: values.stageId ?? null,
        welcomeMessage: values.welcomeMessage?.trim() ? values.welcomeMessage : null,
      };
      return link ? updateContactLink(link.id, body) : createContactLink(body);
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: contactKeys.links });
      message.success(t('contact.saved'));
      onClose();
    },
    onError: (error) => message.error(errorText(t, error)),
  });
  return (
    <Modal
      open
      title={link ? t('contact.editTitle') : t('contact.createTitle')}
      okText={t('contact.save')}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => save.mutate(values)}
        initialValues={{
          name: link?.name ?? '',
          tagIds: link?.tags.map((tag) => tag.id) ?? [],
          stageId: link?.stage?.id ?? null,
          welcomeMessage: link?.welcomeMessage ?? '',
        }}
      >
        <Form.Item
          name="name"
          label={t('contact.name')}
          rules={[{ required: true, whitespace: true, message: t('contact.nameRequired') }, { max: 40 }]}
        >
          <Input maxLength={40} placeholder={t('contact.namePlaceholder')} />
        </Form.Item>
        <Form.Item name="tagIds" label={t('contact.tags')} extra={t('contact.tagsHelp')}>
          <TagPicker aria-label={t('contact.tags')} />
        </Form.Item>
        <Form.Item name="stageId" label={t('contact.stage')}>
          <Select
            allowClear
            placeholder={t('contact.stageDefault')}
            options={(stages.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
          />
        </Form.Item>
        <Form.Item name="welcomeMessage" label={t('contact.welcome')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('contact.welcomePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
