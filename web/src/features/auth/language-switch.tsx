/** zh/en switch for the pages shown before sign-in; remembers the choice like the top bar does. */
import { GlobalOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { rememberLanguage } from '../../app/i18n/setup-i18n';

const LANGUAGE_NAMES = { 'zh-CN': '简体中文', en: 'English' } as const;
type Language = keyof typeof LANGUAGE_NAMES;

export function LanguageSwitch() {
  const { t, i18n } = useTranslation('auth');
  const current: Language = i18n.language === 'en' ? 'en' : 'zh-CN';
  const choose = (language: Language) => {
    rememberLanguage(language);
    void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  };
  return (
    <Dropdown
      menu={{
        selectedKeys: [current],
        items: [
          { key: 'zh-CN', label: LANGUAGE_NAMES['zh-CN'] },
          { key: 'en', label: LANGUAGE_NAMES.en },
        ],
        onClick: ({ key }) => choose(key === 'en' ? 'en' : 'zh-CN'),
      }}
    >
      <Button type="text" icon={<GlobalOutlined />} aria-label={t('language')}>
        {LANGUAGE_NAMES[current]}
      </Button>
    </Dropdown>
  );
}
