import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { intakeNoticeText } from '../../../domain/privacy/intakeNotice.ts';
import { pickLanguage } from '../../../locales/resources.ts';
import { deskQuery } from '../../shared/api/queries.ts';

/** The short privacy notice (个人信息告知) shown where a complainant's data are taken, in the words the slip prints. */
export function IntakeNotice() {
  const { t, i18n } = useTranslation('privacy');
  const settings = useQuery(deskQuery('settings.get', {}));
  if (!settings.data) return null;
  const text = intakeNoticeText(settings.data.privacy.intakeNotice, pickLanguage(i18n.language), t('notice.builtIn'));
  return (
    <Text size="sm" c="dimmed" data-testid="intake-notice">
      <Text span fw={600} inherit>
        {t('notice.label')}
      </Text>
      {text}
    </Text>
  );
}
