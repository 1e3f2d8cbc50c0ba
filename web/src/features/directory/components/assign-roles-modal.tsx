/** Chooses a member's roles from the org's roles (PUT replaces the whole set). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Checkbox, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/page-state';
import { api, unwrap } from '../../../lib/api/client';
import { directoryKeys, invalidateDirectory, type MemberDetail, useRoles } from '../api/queries';
import { useErrorText } from '../use-error-text';

type Props = { member: MemberDetail; onClose: () => void };

export function AssignRolesModal({ member, onClose }: Props) {
  const { t } = useTranslation('directory');
  const { message } = App.useApp();
  const errorText = useErrorText();
  const client = useQueryClient();
  const roles = useRoles(true);
  const [chosen, setChosen] = useState<string[]>(member.roles.map((r) => r.id));
  const save = useMutation({
    mutationFn: (roleIds: string[]) =>
      unwrap(api.PUT('/api/v1/members/{id}/roles', { params: { path: { id: member.id } }, body: { roleIds } })),
    onSuccess: async () => {
      await Promise.all([invalidateDirectory(client), client.invalidateQueries({ queryKey: directoryKeys.roles })]);
      message.success(t('detail.rolesSaved'));
      onClose();
    },
  });

  let body = <Loading />;
  if (roles.error) body = <Alert type="error" showIcon title={errorText(roles.error)} />;
  else if (roles.data && roles.data.length === 0) body = <Typography.Text>{t('detail.noRoleOptions')}</Typography.Text>;
  else if (roles.data) {
    body = (
      <Checkbox.Group value={chosen} onChange={(values) => setChosen(values.map(String))} style={{ width: '100%' }}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          {roles.data.map((role) => (
            <Checkbox key={role.id} value={role.id}>
              <span>{role.name}</span>
              {role.description ? (
                <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
                  {role.description}
                </Typography.Text>
              ) : null}
            </Checkbox>
          ))}
        </Space>
      </Checkbox.Group>
    );
  }

  return (
    <Modal
      open
      title={t('detail.assignRolesTitle', { name: member.name })}
      okText={t('common:action.save')}
      cancelText={t('common:action.cancel')}
      okButtonProps={{ disabled: !roles.data }}
      confirmLoading={save.isPending}
      onOk={() => save.mutate(chosen)}
      onCancel={onClose}
      destroyOnHidden
    >
      {save.error ? <Alert type="error" showIcon title={errorText(save.error)} style={{ marginBottom: 12 }} /> : null}
      {body}
    </Modal>
  );
}
