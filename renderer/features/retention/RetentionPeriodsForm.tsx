import { Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mayCall } from '../../../domain/access/permissions.ts';
import type { RetentionSettings } from '../../../domain/api/retentionViews.ts';
import { recordTypes } from '../../../domain/cases/vocabulary.ts';
import { useSession } from '../../app/deskSession.tsx';
import { invalidate } from '../../shared/api/queries.ts';
import { useDeskSubmit } from '../../shared/deskForm.ts';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';

/** The retention periods in months: personal data per record type, evidence for all. */
export function RetentionPeriodsForm(props: { settings: RetentionSettings }) {
  const { t } = useTranslation('privacy');
  const { client, user } = useSession();
  // The form's values have the shape of the update, so a refusal's field path is the field's.
  const form = useForm({ initialValues: { periods: props.settings.periods } });
  const [saved, setSaved] = useState(false);
  const mayUpdate = mayCall(user.roles, 'retention.update');
  const months = (value: string | number) => (typeof value === 'number' ? value : Number.NaN);
  const monthsInput = (path: string) => {
    const input = form.getInputProps(path);
    return { ...input, onChange: (v: string | number) => input.onChange(months(v)) };
  };
  const save = useDeskSubmit(
    form,
    (values) => {
      setSaved(false);
      return client.call('retention.update', values);
    },
    () => {
      setSaved(true);
      void invalidate('retention.get', 'retention.preview');
    },
  );

  return (
    <Paper withBorder p="lg">
      <form onSubmit={save.onSubmit} noValidate>
        <Stack>
          <Title order={2} size="h4">
            {t('retention.periodsTitle')}
          </Title>
          <Text size="sm">{t('retention.periodsIntro')}</Text>
          <SimpleGrid cols={3}>
            {recordTypes.map((type) => (
              <NumberInput
                key={type}
                label={t('retention.personalDataOf', { type: t(`cases:types.${type}`) })}
                suffix={t('retention.monthsSuffix')}
                disabled={!mayUpdate}
                {...monthsInput(`periods.personalData.${type}`)}
              />
            ))}
            <NumberInput
              label={t('retention.evidence')}
              suffix={t('retention.monthsSuffix')}
              disabled={!mayUpdate}
              {...monthsInput('periods.evidence')}
            />
          </SimpleGrid>
          <ErrorNotice message={save.error} />
          {mayUpdate && (
            <Group>
              <Button type="submit" loading={save.busy}>
                {t('retention.save')}
              </Button>
              <Button variant="default" onClick={() => form.setValues({ periods: props.settings.defaults })}>
                {t('retention.useDefaults')}
              </Button>
              {saved && <Text c="green">{t('retention.saved')}</Text>}
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
