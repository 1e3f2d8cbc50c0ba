/**
 * 新建法律保全: choose a colleague, an external participant, a customer or a conversation, give the
 * reason, place the hold.
 */
import { App, Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/api/error-text';
import { MemberSelect } from '../admin/member-select';
import { ArchiveTargetFinder } from './archive-target-finder';
import { CustomerSelect } from './customer-select';
import { usePlaceHold } from './retention-api';

type TargetKind = 'member' | 'guest' | 'customer' | 'conversation';
type Values = { kind: TargetKind; targetId?: string; reason: string };

export function NewHoldModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('retention');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const place = usePlaceHold();
  const kind = Form.useWatch('kind', form) ?? 'member';

  const submit = async (values: Values) => {
    try {
      // An external participant is a member of the org's conversations, held like a colleague.
      await place.mutateAsync({
        kind: values.kind === 'guest' ? 'member' : values.kind,
        targetId: values.targetId ?? '',
        reason: values.reason.trim(),
      });
      message.success(t('newHold.placed'));
      onClose();
    } catch (err) {
      message.error(errorText(t, err));
    }
  };

  return (
    <Modal
      open={open}
      title={t('newHold.title')}
      okText={t('newHold.submit')}
      cancelText={t('common:action.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={place.isPending}
      destroyOnHidden
      width={560}
    >
      <Form<Values>
        form={form}
        name="new-hold"
        layout="vertical"
        preserve={false}
        initialValues={{ kind: 'member' }}
        onFinish={submit}
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.kind) form.setFieldValue('targetId', undefined);
        }}
      >
        <Form.Item name="kind" label={t('newHold.kind')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'member', label: t('newHold.kindMember') },
              { value: 'guest', label: t('newHold.kindGuest') },
              { value: 'customer', label: t('newHold.kindCustomer') },
              { value: 'conversation', label: t('newHold.kindConversation') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="targetId"
          label={kind === 'member' ? t('newHold.member') : t('newHold.target')}
          extra={kind === 'customer' ? t('newHold.customerHelp') : undefined}
          rules={[{ required: true, message: t('newHold.targetRequired') }]}
        >
          {kind === 'member' ? (
            <MemberSelect placeholder={t('newHold.memberPlaceholder')} />
          ) : kind === 'customer' ? (
            <CustomerSelect />
          ) : (
            <ArchiveTargetFinder key={kind} kind={kind} />
          )}
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('newHold.reason')}
          rules={[{ required: true, whitespace: true, message: t('newHold.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('newHold.reasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
