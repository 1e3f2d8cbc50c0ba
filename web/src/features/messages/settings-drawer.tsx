/** 群设置: name, announcement, invite rule, welcome message, pin/mute, members, ownership, leave, dissolve. */
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Divider, Drawer, Form, Grid, Input, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorText } from '../../lib/api/error-text';
import { CustomerGroupSwitch } from '../customer-groups/customer-group-switch';
import {
  type ConversationDetail,
  dissolveConversation,
  keys,
  refreshConversation,
  removeMember,
  type UpdateConversation,
  updateConversation,
} from './api';
import { InviteDialog } from './invite-dialog';
import { MembersSection } from './members-section';

type Values = { name: string; announcement: string; welcomeMessage: string };

export function SettingsDrawer({
  open,
  conversation: c,
  meId,
  onClose,
}: {
  open: boolean;
  conversation: ConversationDetail;
  meId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation('messages');
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const [saving, setSaving] = useState(false);
  const [inviteOpen, setInviteOpen] = useState(false);
  const group = c.kind !== 'direct';
  const manager = c.myRole === 'owner' || c.myRole === 'admin';
  const active = c.status === 'active';

  const patch = async (body: UpdateConversation, done?: string) => {
    try {
      await updateConversation(c.id, body);
      refreshConversation(queryClient, c.id);
      message.success(done ?? t('common:saved'));
    } catch (error) {
      message.error(errorText(t, error));
    }
  };

  const save = async (values: Values) => {
    setSaving(true);
    await patch({
      name: values.name.trim(),
      announcement: values.announcement.trim() || null,
      settings: { welcomeMessage: values.welcomeMessage.trim() || null },
    });
    setSaving(false);
  };

  const leave = () =>
    modal.confirm({
      title: t('settings.leave'),
      content: t('settings.leaveConfirm'),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await removeMember(c.id, meId);
          await queryClient.invalidateQueries({ queryKey: keys.list });
          message.success(t('settings.left'));
          onClose();
          navigate('/messages');
        } catch (error) {
          message.error(errorText(t, error));
        }
      },
    });

  const dissolve = () =>
    modal.confirm({
      title: t('settings.dissolve'),
      content: t('settings.dissolveConfirm'),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await dissolveConversation(c.id);
          refreshConversation(queryClient, c.id);
          message.success(t('settings.dissolved'));
          onClose();
        } catch (error) {
          message.error(errorText(t, error));
        }
      },
    });

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={group ? t('settings.title') : t('settings.directTitle')}
      size={screens.sm ? 420 : '100%'}
      destroyOnHidden
    >
      {group && manager && active ? (
        <Form<Values>
          layout="vertical"
          onFinish={save}
          initialValues={{
            name: c.name,
            announcement: c.announcement ?? '',
            welcomeMessage: c.settings.welcomeMessage ?? '',
          }}
        >
          <Form.Item
            name="name"
            label={t('settings.name')}
            rules={[{ required: true, whitespace: true, message: t('create.nameRequired') }]}
          >
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item name="announcement" label={t('settings.announcement')}>
            <Input.TextArea rows={3} maxLength={2000} placeholder={t('settings.announcementPlaceholder')} />
          </Form.Item>
          <Form.Item name="welcomeMessage" label={t('settings.welcomeMessage')}>
            <Input.TextArea rows={2} maxLength={500} placeholder={t('settings.welcomePlaceholder')} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('common:action.save')}
          </Button>
        </Form>
      ) : group ? (
        <div>
          <Typography.Text type="secondary">{t('settings.announcement')}</Typography.Text>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
            {c.announcement || t('settings.announcementEmpty')}
          </Typography.Paragraph>
        </div>
      ) : null}
      <Divider />
      <Space orientation="vertical" style={{ width: '100%' }}>
        {group && manager && active ? (
          <SwitchRow
            label={t('settings.onlyAdminsInvite')}
            checked={c.settings.onlyAdminsInvite}
            onChange={(v) => void patch({ settings: { onlyAdminsInvite: v } })}
          />
        ) : null}
        {c.kind === 'external' && manager && active ? <CustomerGroupSwitch conversationId={c.id} /> : null}
        <SwitchRow label={t('settings.pinned')} checked={c.pinned} onChange={(v) => void patch({ pinned: v })} />
        <SwitchRow label={t('settings.muted')} checked={c.muted} onChange={(v) => void patch({ muted: v })} />
      </Space>
      {group ? (
        <>
          <Divider />
          <MembersSection conversation={c} meId={meId} />
          {active && (manager || !c.settings.onlyAdminsInvite) ? (
            <Button block style={{ marginTop: 12 }} onClick={() => setInviteOpen(true)}>
              {t('settings.invite')}
            </Button>
          ) : null}
          <Divider />
          <Space orientation="vertical" style={{ width: '100%' }}>
            {active && c.myRole !== 'owner' ? (
              <Button block danger onClick={leave}>
                {t('settings.leave')}
              </Button>
            ) : null}
            {active && c.myRole === 'owner' ? (
              <Button block danger type="primary" onClick={dissolve}>
                {t('settings.dissolve')}
              </Button>
            ) : null}
          </Space>
          <InviteDialog open={inviteOpen} conversationId={c.id} onClose={() => setInviteOpen(false)} />
        </>
      ) : null}
    </Drawer>
  );
}

function SwitchRow({ label, checked, onChange }: { label: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
      <span>{label}</span>
      <Switch checked={checked} onChange={onChange} aria-label={label} />
    </div>
  );
}
