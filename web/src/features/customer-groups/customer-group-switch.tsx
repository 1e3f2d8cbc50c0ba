/** In an external group's settings: make it a customer group, or not (owner and admins). */
import { App, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/api/error-text';
import { useCustomerGroups, useFlagCustomerGroup } from './api';

export function CustomerGroupSwitch({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation('customerGroups');
  const { message } = App.useApp();
  const groups = useCustomerGroups();
  const flag = useFlagCustomerGroup(conversationId);
  const checked = groups.data?.items.some((g) => g.id === conversationId) ?? false;
  return (
    <div>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <span>{t('flag')}</span>
        <Switch
          checked={checked}
          loading={groups.isLoading || flag.isPending}
          aria-label={t('flag')}
          data-testid="customer-group-switch"
          onChange={(enabled) =>
            flag.mutate(enabled, {
              onSuccess: () => message.success(t('common:saved')),
              onError: (error) => message.error(errorText(t, error)),
            })
          }
        />
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('flagHelp')}
      </Typography.Text>
    </div>
  );
}
