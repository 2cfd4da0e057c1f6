import { Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mayChangeSettings } from '../../../domain/access/permissions.ts';
import type { IntakeNotices } from '../../../domain/privacy/intakeNotice.ts';
import { deskLanguages } from '../../../domain/settings/deskSettings.ts';
import { resources } from '../../../locales/resources.ts';
import { useSession } from '../../app/deskSession.tsx';
import { deskQuery, invalidate } from '../../shared/api/queries.ts';
import { useDeskSubmit } from '../../shared/deskForm.ts';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';

/** The privacy notice at intake in each language: blank keeps the built-in words, shown as the placeholder. */
export function IntakeNoticeForm() {
  const settings = useQuery(deskQuery('settings.get', {}));
  if (!settings.data) return null;
  return <NoticeFields key={JSON.stringify(settings.data.privacy.intakeNotice)} notices={settings.data.privacy.intakeNotice} />;
}

function NoticeFields(props: { notices: IntakeNotices }) {
  const { t } = useTranslation('privacy');
  const { client, user } = useSession();
  // The form's values have the shape of the update, so a refusal's field path is the field's.
  const form = useForm({ initialValues: { privacy: { intakeNotice: props.notices } } });
  const [saved, setSaved] = useState(false);
  const mayUpdate = mayChangeSettings(user.roles, 'privacy');
  const save = useDeskSubmit(
    form,
    (values) => {
      setSaved(false);
      return client.call('settings.update', values);
    },
    () => {
      setSaved(true);
      void invalidate('settings.get');
    },
  );

  return (
    <Paper withBorder p="lg">
      <form onSubmit={save.onSubmit} noValidate>
        <Stack>
          <Title order={2} size="h4">
            {t('notice.title')}
          </Title>
          <Text size="sm">{t('notice.intro')}</Text>
          {deskLanguages.map((lang) => (
            <Textarea
              key={lang}
              label={t(`notice.language.${lang}`)}
              placeholder={resources[lang].privacy.notice.builtIn}
              disabled={!mayUpdate}
              autosize
              minRows={2}
              {...form.getInputProps(`privacy.intakeNotice.${lang}`)}
            />
          ))}
          <ErrorNotice message={save.error} />
          {mayUpdate && (
            <Group>
              <Button type="submit" loading={save.busy}>
                {t('retention.save')}
              </Button>
              {saved && <Text c="green">{t('retention.saved')}</Text>}
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
