/** 编辑 / 禁用 / 启用 / 办理离职 on a member's page, each behind a confirm explaining what happens. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../lib/api/client';
import { invalidateDirectory, type MemberDetail } from '../api/queries';
import { useErrorText } from '../use-error-text';
import { OffboardMemberModal } from './offboard-member-modal';

type Action = 'disable' | 'enable';

const DONE: Record<Action, string> = {
  disable: 'detail.disabled',
  enable: 'detail.enabled',
};

type Props = { member: MemberDetail; isSelf: boolean; onEdit: () => void };

export function MemberStatusActions({ member, isSelf, onEdit }: Props) {
  const { t } = useTranslation('directory');
  const { message, modal } = App.useApp();
  const errorText = useErrorText();
  const client = useQueryClient();
  const [departing, setDeparting] = useState(false);
  const run = useMutation({
    mutationFn: (action: Action) => {
      const params = { params: { path: { id: member.id } } };
      if (action === 'disable') return unwrap(api.POST('/api/v1/members/{id}/disable', params));
      return unwrap(api.POST('/api/v1/members/{id}/enable', params));
    },
    onSuccess: async (_, action) => {
      await invalidateDirectory(client);
      message.success(t(DONE[action]));
    },
    onError: (err) => {
      message.error(errorText(err));
    },
  });

  const confirm = (action: Action) =>
    modal.confirm({
      title: t(`detail.${action}Title`),
      content: t(`detail.${action}Confirm`, { name: member.name }),
      okText: t(`detail.${action}`),
      okButtonProps: { danger: action === 'disable' },
      cancelText: t('common:action.cancel'),
      onOk: () => run.mutateAsync(action).catch(() => undefined),
    });

  const departed = member.status === 'departed';
  return (
    <Space wrap>
      {departed ? null : <Button onClick={onEdit}>{t('common:action.edit')}</Button>}
      {member.status === 'active' && !isSelf ? (
        <Button onClick={() => confirm('disable')}>{t('detail.disable')}</Button>
      ) : null}
      {member.status === 'disabled' ? <Button onClick={() => confirm('enable')}>{t('detail.enable')}</Button> : null}
      {!departed && !isSelf ? (
        <Button danger onClick={() => setDeparting(true)}>
          {t('detail.depart')}
        </Button>
      ) : null}
      {departing ? <OffboardMemberModal member={member} open onClose={() => setDeparting(false)} /> : null}
    </Space>
  );
}
