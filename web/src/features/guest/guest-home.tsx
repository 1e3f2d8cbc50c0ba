/**
 * The customer's own page after a contact-me link: three tabs — 聊天 (the chat with the member
 * serving them, kept open while other tabs show), 动态 (posts addressed to them) and 群聊 (the
 * customer groups they are in).
 */
import { CommentOutlined, PictureOutlined, TeamOutlined } from '@ant-design/icons';
import { Segmented } from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { guestApi } from './guest-api';
import { GuestChat } from './guest-chat';
import { GuestGroups } from './guest-groups';
import { GuestPosts } from './guest-posts';
import type { GuestSession } from './guest-session';

type Tab = 'chat' | 'posts' | 'groups';
const TAB_BAR = 48;

function Pane({ shown, children }: { shown: boolean; children: ReactNode }) {
  return (
    <div style={{ display: shown ? 'block' : 'none', height: '100%', overflowY: 'auto' }}>
      <div style={{ maxWidth: 760, margin: '0 auto', padding: 12 }}>{children}</div>
    </div>
  );
}

export function GuestHome({ session, onEnded }: { session: GuestSession; onEnded: () => void }) {
  const { t } = useTranslation('guest');
  const api = useMemo(() => guestApi(session.token), [session.token]);
  const [tab, setTab] = useState<Tab>('chat');
  return (
    <div style={{ height: '100dvh', display: 'flex', flexDirection: 'column', background: '#f5f7fa' }}>
      <div style={{ flex: 1, minHeight: 0 }}>
        <div style={{ display: tab === 'chat' ? 'block' : 'none', height: '100%' }}>
          <GuestChat session={session} onEnded={onEnded} withMember height="100%" />
        </div>
        {tab === 'posts' ? (
          <Pane shown>
            <GuestPosts api={api} />
          </Pane>
        ) : null}
        {tab === 'groups' ? (
          <Pane shown>
            <GuestGroups api={api} />
          </Pane>
        ) : null}
      </div>
      <nav
        style={{
          height: TAB_BAR,
          background: '#fff',
          borderTop: '1px solid #eee',
          display: 'flex',
          justifyContent: 'center',
          alignItems: 'center',
        }}
      >
        <Segmented<Tab>
          value={tab}
          onChange={setTab}
          options={[
            { value: 'chat', icon: <CommentOutlined />, label: t('home.chat') },
            { value: 'posts', icon: <PictureOutlined />, label: t('home.posts') },
            { value: 'groups', icon: <TeamOutlined />, label: t('home.groups') },
          ]}
        />
      </nav>
    </div>
  );
}
