/** The consent part of the archive page: notice and decline policy, then everyone's status. */
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/page-state';
import { useArchiveSettings } from './archive-api';
import { ArchiveConsentList } from './archive-consent-list';
import { ArchiveConsentSettings } from './archive-consent-settings';

export function ArchiveConsentSection() {
  const { t } = useTranslation('consent');
  const settings = useArchiveSettings();
  return (
    <section data-testid="archive-consent">
      <Typography.Title level={5}>{t('admin.title')}</Typography.Title>
      <QueryState query={settings}>
        {(data) => (
          <ArchiveConsentSettings
            key={`${data.notice.version}-${data.declinePolicy}`}
            notice={data.notice}
            declinePolicy={data.declinePolicy}
          />
        )}
      </QueryState>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('admin.listTitle')}
      </Typography.Title>
      <ArchiveConsentList />
    </section>
  );
}
