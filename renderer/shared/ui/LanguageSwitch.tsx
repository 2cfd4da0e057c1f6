import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Language, languages } from '../../../locales/resources.ts';
import { setLanguage } from '../i18n.ts';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Select
      aria-label={t('language')}
      w={140}
      allowDeselect={false}
      value={i18n.language}
      data={languages.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
      onChange={(value) => value && setLanguage(value as Language)}
    />
  );
}
