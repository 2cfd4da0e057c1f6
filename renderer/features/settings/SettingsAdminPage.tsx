import { Alert, Button, Fieldset, Group, NumberInput, Paper, Select, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deskLanguages, idleLockMinutesRange } from '../../../domain/api/accessSchemas.ts';
import type { DeskSettingsView } from '../../../domain/api/accessViews.ts';
import { useSession } from '../../app/deskSession.tsx';
import { useDeskSubmit } from '../../shared/deskForm.ts';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { useDeskData } from '../../shared/useDeskData.ts';

/** Organisation and desk: name, case-number prefix, phone on the slip, printer, language, idle lock. */
export function SettingsAdminPage() {
  const { t } = useTranslation('access');
  const { client } = useSession();
  const { data, error: loadError } = useDeskData(() => client.call('settings.get', {}), 'settings');
  const [saved, setSaved] = useState(false);
  const form = useForm<DeskSettingsView>({
    initialValues: { orgName: '', deskPrefix: '', deskPhone: '', printerName: '', language: 'zh-CN', idleLockMinutes: 5 },
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: fill the form once the settings arrive
  useEffect(() => {
    if (data) form.setValues(data);
  }, [data]);
  const { onSubmit, error, busy } = useDeskSubmit(
    form,
    (values) => {
      setSaved(false);
      return client.call('settings.update', { ...values, idleLockMinutes: Number(values.idleLockMinutes) });
    },
    (next: DeskSettingsView) => {
      form.setValues(next);
      setSaved(true);
    },
  );
  return (
    <Stack maw={720}>
      <Title order={1} size="h2">
        {t('admin.settings.title')}
      </Title>
      <ErrorNotice message={loadError} />
      <Paper withBorder p="lg">
        <form onSubmit={onSubmit} noValidate>
          {/* Shut until the stored values arrive: typing earlier would be overwritten by them. */}
          <Fieldset variant="unstyled" disabled={!data}>
            <Stack>
              <TextInput label={t('admin.settings.orgName')} required {...form.getInputProps('orgName')} />
              <Group grow align="flex-start">
                <TextInput
                  label={t('admin.settings.deskPrefix')}
                  description={t('admin.settings.deskPrefixHint')}
                  maxLength={4}
                  {...form.getInputProps('deskPrefix')}
                />
                <TextInput label={t('admin.settings.deskPhone')} inputMode="tel" {...form.getInputProps('deskPhone')} />
              </Group>
              <TextInput
                label={t('admin.settings.printerName')}
                description={t('admin.settings.printerNameHint')}
                {...form.getInputProps('printerName')}
              />
              <Group grow align="flex-start">
                <Select
                  label={t('admin.settings.language')}
                  allowDeselect={false}
                  data={deskLanguages.map((l) => ({ value: l, label: t(`common:languages.${l}`) }))}
                  {...form.getInputProps('language')}
                />
                <NumberInput
                  label={t('admin.settings.idleLockMinutes')}
                  description={t('admin.settings.idleLockHint')}
                  min={idleLockMinutesRange.min}
                  max={idleLockMinutesRange.max}
                  decimalScale={1}
                  step={1}
                  {...form.getInputProps('idleLockMinutes')}
                />
              </Group>
              <ErrorNotice message={error} />
              {saved && <Alert color="green">{t('admin.saved')}</Alert>}
              <Group justify="flex-end">
                <Button type="submit" size="md" loading={busy}>
                  {t('common:save')}
                </Button>
              </Group>
            </Stack>
          </Fieldset>
        </form>
      </Paper>
    </Stack>
  );
}
