/** 办理离职: confirms the offboarding and names who takes over the groups the member owns. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../lib/api/client';
import { invalidateDirectory, type MemberDetail } from '../api/queries';
import { useErrorText } from '../use-error-text';
import { MemberSelect } from './member-select';

type Props = { member: MemberDetail; open: boolean; onClose: () => void };

export function DepartMemberModal({ member, open, onClose }: Props) {
  const { t } = useTranslation('directory');
  const { message } = App.useApp();
  const errorText = useErrorText();
  const client = useQueryClient();
  const [successorId, setSuccessorId] = useState<string | undefined>();
  const depart = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/members/{id}/depart', {
          params: { path: { id: member.id } },
          body: successorId ? { successorId } : {},
        }),
      ),
    onSuccess: async () => {
      await invalidateDirectory(client);
      message.success(t('detail.departed'));
      onClose();
    },
    onError: (err) => {
      message.error(errorText(err));
    },
  });
  return (
    <Modal
      open={open}
      title={t('detail.departTitle')}
      okText={t('detail.depart')}
      okButtonProps={{ danger: true, loading: depart.isPending }}
      cancelText={t('common:action.cancel')}
      onOk={() => depart.mutate()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('detail.departConfirm', { name: member.name })}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('detail.successor')} extra={t('detail.successorHelp')} htmlFor="depart-successor">
          <MemberSelect
            id="depart-successor"
            value={successorId ?? null}
            onChange={(value) => setSuccessorId(typeof value === 'string' ? value : undefined)}
            excludeIds={[member.id]}
            placeholder={t('detail.successorPlaceholder')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
