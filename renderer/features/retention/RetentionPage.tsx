import { Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { mayCall } from '../../../domain/access/permissions.ts';
import { useSession } from '../../app/deskSession.tsx';
import { deskQuery } from '../../shared/api/queries.ts';
import { deskErrorMessage } from '../../shared/errors.ts';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { IntakeNoticeForm } from './IntakeNoticeForm.tsx';
import { RetentionPeriodsForm } from './RetentionPeriodsForm.tsx';
import { RetentionRun } from './RetentionRun.tsx';

/** 保存期限: how long personal data and evidence are kept, and their removal when that ends. */
export function RetentionPage() {
  const { t } = useTranslation('privacy');
  const { user } = useSession();
  const settings = useQuery(deskQuery('retention.get', {}));
  return (
    <Stack gap="lg" maw={1100}>
      <Title order={1} size="h2">
        {t('retention.title')}
      </Title>
      <Text>{t('retention.intro')}</Text>
      <ErrorNotice message={settings.error ? deskErrorMessage(settings.error) : null} />
      {settings.data ? (
        <RetentionPeriodsForm key={JSON.stringify(settings.data.periods)} settings={settings.data} />
      ) : (
        !settings.error && <Loader />
      )}
      {mayCall(user.roles, 'retention.preview') && <RetentionRun />}
      <IntakeNoticeForm />
    </Stack>
  );
}
