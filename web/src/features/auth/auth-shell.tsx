/** The frame of the sign-in and setup pages: product name, language switch, a centered card. */
import { Card, Grid, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './language-switch';

export function AuthShell({ children, width = 400 }: { children: ReactNode; width?: number }) {
  const { t } = useTranslation('auth');
  const screens = Grid.useBreakpoint();
  const phone = !screens.sm;
  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        background: 'linear-gradient(180deg, #e8f0fe 0%, #f5f7fa 45%, #f5f7fa 100%)',
      }}
    >
      <header
        style={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          padding: phone ? '12px 16px' : '16px 32px',
        }}
      >
        <div style={{ display: 'flex', alignItems: 'center', gap: 10 }}>
          <div
            aria-hidden
            style={{
              width: 32,
              height: 32,
              borderRadius: 8,
              background: '#1677ff',
              color: '#fff',
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'center',
              fontWeight: 700,
              fontSize: 18,
            }}
          >
            C
          </div>
          <Typography.Text strong style={{ fontSize: 18 }}>
            {t('common:appName')}
          </Typography.Text>
          {phone ? null : (
            <Typography.Text type="secondary" style={{ marginLeft: 4 }}>
              {t('tagline')}
            </Typography.Text>
          )}
        </div>
        <LanguageSwitch />
      </header>
      <main
        style={{
          flex: 1,
          display: 'flex',
          alignItems: phone ? 'flex-start' : 'center',
          justifyContent: 'center',
          padding: phone ? '8px 12px 24px' : '24px 16px 64px',
        }}
      >
        <Card
          style={{ width: '100%', maxWidth: width, boxShadow: '0 6px 24px rgba(31, 56, 88, 0.08)' }}
          styles={{ body: { padding: phone ? '24px 20px' : '32px 40px' } }}
        >
          {children}
        </Card>
      </main>
    </div>
  );
}

/** Title and subtitle at the top of an auth card. */
export function AuthCardTitle({ title, subtitle }: { title: ReactNode; subtitle?: ReactNode }) {
  return (
    <div style={{ marginBottom: 24 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {subtitle ? (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {subtitle}
        </Typography.Paragraph>
      ) : null}
    </div>
  );
}
