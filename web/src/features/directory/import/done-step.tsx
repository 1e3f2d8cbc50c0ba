/** Step 3: how many members were created, and the way back. */
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

export function DoneStep({ created, onAgain }: { created: number; onAgain: () => void }) {
  const { t } = useTranslation('directory');
  const navigate = useNavigate();
  return (
    <Result
      status="success"
      title={t('import.doneTitle')}
      subTitle={t('import.doneText', { count: created })}
      extra={[
        <Button key="back" type="primary" onClick={() => navigate('/directory')}>
          {t('import.backToDirectory')}
        </Button>,
        <Button key="again" onClick={onAgain}>
          {t('import.importMore')}
        </Button>,
      ]}
    />
  );
}
