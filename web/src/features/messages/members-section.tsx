/** The member list of a group with roles; owner/admins add and remove, the owner transfers ownership. */
import { useQueryClient } from '@tanstack/react-query';
import { App, Avatar, Button, Form, List, Modal, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/api/error-text';
import { addMembers, type ConversationDetail, refreshConversation, removeMember, transferOwner } from './api';
import { MemberPicker } from './member-picker';

type Pending = Promise<unknown>;
type Work = () => Pending;

const ROLE_COLOR: Record<string, string> = { owner: 'gold', admin: 'blue' };

export function MembersSection({ conversation: c, meId }: { conversation: ConversationDetail; meId: string }) {
  const { t } = useTranslation('messages');
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [transferring, setTransferring] = useState(false);
  const [picked, setPicked] = useState<string[]>([]);
  const [newOwner, setNewOwner] = useState<string | undefined>();
  const manager = c.myRole === 'owner' || c.myRole === 'admin';
  const active = c.status === 'active';
  const mayAdd = active && (manager || !c.settings.onlyAdminsInvite);

  const run = async (work: Work, done?: string) => {
    try {
      await work();
      refreshConversation(queryClient, c.id);
      if (done) message.success(done);
      return true;
    } catch (error) {
      message.error(errorText(t, error));
      return false;
    }
  };

  const remove = (member: { id: string; name: string }) =>
    modal.confirm({
      title: t('settings.remove'),
      content: t('settings.removeConfirm', { name: member.name }),
      okButtonProps: { danger: true },
      onOk: () => run(() => removeMember(c.id, member.id)),
    });

  return (
    <div>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 8 }}>
        <Typography.Text strong>{t('settings.members', { count: c.memberCount })}</Typography.Text>
        <span>
          {active && c.myRole === 'owner' ? (
            <Button size="small" type="link" onClick={() => setTransferring(true)}>
              {t('settings.transferOwner')}
            </Button>
          ) : null}
          {mayAdd ? (
            <Button size="small" type="link" onClick={() => setAdding(true)}>
              {t('settings.addMembers')}
            </Button>
          ) : null}
        </span>
      </div>
      <List
        size="small"
        dataSource={c.members}
        style={{ maxHeight: 320, overflowY: 'auto' }}
        renderItem={(m) => (
          <List.Item
            data-testid={`conversation-member-${m.id}`}
            actions={
              active && manager && m.id !== meId && m.role !== 'owner' && !(c.myRole === 'admin' && m.role === 'admin')
                ? [
                    <Button key="remove" size="small" type="link" danger onClick={() => remove(m)}>
                      {t('settings.remove')}
                    </Button>,
                  ]
                : []
            }
          >
            <span style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
              <Avatar size="small">{m.name.slice(-2)}</Avatar>
              {m.name}
              {m.id === meId ? t('settings.you') : null}
              {m.role !== 'member' ? <Tag color={ROLE_COLOR[m.role]}>{t(`settings.role.${m.role}`)}</Tag> : null}
            </span>
          </List.Item>
        )}
      />
      <Modal
        open={adding}
        title={t('settings.addMembers')}
        okText={t('settings.add')}
        okButtonProps={{ disabled: picked.length === 0 }}
        onCancel={() => setAdding(false)}
        onOk={async () => {
          if (await run(() => addMembers(c.id, picked))) {
            setPicked([]);
            setAdding(false);
          }
        }}
        destroyOnHidden
      >
        <Form layout="vertical">
          <Form.Item label={t('create.members')} htmlFor="add-members">
            <MemberPicker
              id="add-members"
              mode="multiple"
              value={picked}
              onChange={setPicked}
              exclude={c.members.map((m) => m.id)}
            />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={transferring}
        title={t('settings.transferOwner')}
        okButtonProps={{ disabled: !newOwner, danger: true }}
        onCancel={() => setTransferring(false)}
        onOk={() =>
          modal.confirm({
            title: t('settings.transferOwner'),
            content: t('settings.transferConfirm'),
            onOk: async () => {
              if (newOwner && (await run(() => transferOwner(c.id, newOwner), t('settings.transferred'))))
                setTransferring(false);
            },
          })
        }
        destroyOnHidden
      >
        <Form layout="vertical">
          <Form.Item label={t('settings.transferTo')} htmlFor="new-owner">
            <Select
              id="new-owner"
              showSearch={{ optionFilterProp: 'label' }}
              value={newOwner}
              onChange={setNewOwner}
              options={c.members.filter((m) => m.id !== meId).map((m) => ({ value: m.id, label: m.name }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
