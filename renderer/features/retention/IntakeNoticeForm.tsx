import { Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mayChangeSettings } from '../../../domain/access/permissions.ts';
import type { IntakeNotices } from '../../../domain/privacy/intakeNotice.ts';
import { deskLanguages } from '../../../domain/settings/deskSettings.ts';
import { resources } from '../../../locales/resources.ts';
import { useSession } from '../../app/deskSession.tsx';
import { DeskCallError } from '../../shared/api/deskClient.ts';
import { deskQuery, invalidate } from '../../shared/api/queries.ts';
import { deskErrorMessage } from '../../shared/errors.ts';
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
  const [notices, setNotices] = useState<IntakeNotices>(props.notices);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const mayUpdate = mayChangeSettings(user.roles, 'privacy');

  const save = async () => {
    setFields({});
    setError(null);
    setSaved(false);
    try {
      await client.call('settings.update', { privacy: { intakeNotice: notices } });
      setSaved(true);
      void invalidate('settings.get');
    } catch (e) {
      const f = e instanceof DeskCallError ? e.body.fields : undefined;
      if (f) setFields(f);
      else setError(deskErrorMessage(e));
    }
  };

  return (
    <Paper withBorder p="lg">
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
            value={notices[lang]}
            disabled={!mayUpdate}
            error={fields[`privacy.intakeNotice.${lang}`]}
            onChange={(e) => setNotices({ ...notices, [lang]: e.currentTarget.value })}
            autosize
            minRows={2}
          />
        ))}
        <ErrorNotice message={error} />
        {mayUpdate && (
          <Group>
            <Button onClick={() => void save()}>{t('retention.save')}</Button>
            {saved && <Text c="green">{t('retention.saved')}</Text>}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
