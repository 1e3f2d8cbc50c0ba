/** 发起群聊 (name + members) and 发起单聊 (one member); opens the conversation once created. */

import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/api/error-text';
import { createDirect, createGroup, keys } from './api';
import { MemberPicker } from './member-picker';

type Values = { name?: string; memberIds?: string[]; memberId?: string };

export function CreateConversationModal({
  kind,
  onClose,
  onCreated,
}: {
  kind: 'group' | 'direct' | null;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { t } = useTranslation('messages');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  const submit = async (values: Values) => {
    setSaving(true);
    try {
      const created =
        kind === 'group'
          ? await createGroup(values.name?.trim() ?? '', values.memberIds ?? [])
          : await createDirect(values.memberId ?? '');
      if (kind === 'group') message.success(t('create.created'));
      await queryClient.invalidateQueries({ queryKey: keys.list });
      form.resetFields();
      onCreated(created.id);
    } catch (error) {
      message.error(errorText(t, error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={kind !== null}
      title={kind === 'group' ? t('create.groupTitle') : t('create.directTitle')}
      okText={kind === 'group' ? t('create.submit') : t('create.start')}
      onOk={() => form.submit()}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        {kind === 'group' ? (
          <>
            <Form.Item
              name="name"
              label={t('create.name')}
              rules={[{ required: true, whitespace: true, message: t('create.nameRequired') }, { max: 64 }]}
            >
              <Input placeholder={t('create.namePlaceholder')} maxLength={64} />
            </Form.Item>
            <Form.Item
              name="memberIds"
              label={t('create.members')}
              rules={[{ required: true, message: t('create.membersRequired') }]}
            >
              <MemberPicker mode="multiple" />
            </Form.Item>
          </>
        ) : (
          <Form.Item
            name="memberId"
            label={t('create.member')}
            rules={[{ required: true, message: t('create.memberRequired') }]}
          >
            <MemberPicker mode="single" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
