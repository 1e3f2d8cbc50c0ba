/** The white panel every admin page sits in: title, one-line explanation, actions on the right. */
import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

export function AdminPanel({
  title,
  subtitle,
  extra,
  children,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section style={{ background: '#fff', borderRadius: 4, padding: 16, minWidth: 0 }}>
      <Flex justify="space-between" align="flex-start" gap={12} wrap style={{ marginBottom: 12 }}>
        <div style={{ minWidth: 0, flex: '1 1 240px' }}>
          <Typography.Title level={4} style={{ margin: 0, fontSize: 18 }}>
            {title}
          </Typography.Title>
          {subtitle ? (
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {subtitle}
            </Typography.Text>
          ) : null}
        </div>
        {extra ? (
          <Flex gap={8} wrap>
            {extra}
          </Flex>
        ) : null}
      </Flex>
      {children}
    </section>
  );
}
