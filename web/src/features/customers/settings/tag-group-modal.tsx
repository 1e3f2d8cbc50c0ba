/** 新建标签组: a name and, optionally, its first tags (typed and entered one by one). */
import { Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../lib/api/client';
import { useTagMutation } from './tag-mutations';

type Values = { name: string; tags?: string[] };

export function TagGroupModal({ personal, onClose }: { personal: boolean; onClose: () => void }) {
  const { t } = useTranslation('customers');
  const [form] = Form.useForm<Values>();
  const create = useTagMutation((values: Values) =>
    unwrap(
      api.POST('/api/v1/tag-groups', {
        body: {
          name: values.name.trim(),
          personal,
          tags: [...new Set((values.tags ?? []).map((tag) => tag.trim()).filter(Boolean))],
        },
      }),
    ),
  );
  return (
    <Modal
      open
      title={personal ? t('tags.addPersonalGroup') : t('tags.addGroup')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common:action.save')}
      cancelText={t('common:action.cancel')}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(values) => create.mutate(values, { onSuccess: onClose })}>
        <Form.Item
          name="name"
          label={t('tags.groupName')}
          rules={[{ required: true, whitespace: true, message: t('tags.groupNameRequired') }, { max: 32 }]}
        >
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item name="tags" label={t('tags.groupTags')} extra={t('tags.groupTagsHint')}>
          <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', '、']} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
