/** 个人信息: who the signed-in member is, read-only (admins edit members in the directory). */
import { Descriptions, Grid, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../app/auth/use-me';

export function ProfileSection({ me }: { me: Me }) {
  const { t } = useTranslation('auth');
  const screens = Grid.useBreakpoint();
  const none = <span style={{ color: '#bfbfbf' }}>{t('profile.none')}</span>;
  const { member } = me;
  return (
    <Descriptions
      column={screens.md ? 2 : 1}
      bordered
      size="middle"
      styles={{ label: { width: screens.md ? 120 : 96, whiteSpace: 'nowrap' } }}
    >
      <Descriptions.Item label={t('profile.name')}>{member.name}</Descriptions.Item>
      <Descriptions.Item label={t('profile.org')}>{me.org.name}</Descriptions.Item>
      <Descriptions.Item label={t('profile.email')}>{member.email ?? none}</Descriptions.Item>
      <Descriptions.Item label={t('profile.mobile')}>{member.mobile ?? none}</Descriptions.Item>
      <Descriptions.Item label={t('profile.title')}>{member.title ?? none}</Descriptions.Item>
      <Descriptions.Item label={t('profile.totp')}>
        {me.totpEnabled ? <Tag color="success">{t('twoFactor.on')}</Tag> : <Tag>{t('twoFactor.off')}</Tag>}
      </Descriptions.Item>
      <Descriptions.Item label={t('profile.roles')} span={screens.md ? 2 : 1}>
        {me.roles.length > 0 ? (
          <Space size={[6, 6]} wrap>
            {me.roles.map((role) => (
              <Tag key={role.id} color="blue">
                {role.name}
              </Tag>
            ))}
          </Space>
        ) : (
          <Tag>{t('profile.noRoles')}</Tag>
        )}
      </Descriptions.Item>
    </Descriptions>
  );
}
