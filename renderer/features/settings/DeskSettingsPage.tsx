import { Alert, Button, Fieldset, Group, NativeSelect, Paper, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegistrationSettingsView } from '../../../domain/api/registrationViews.ts';
import { type NumberFormat, numberFormats } from '../../../domain/cases/numbering.ts';
import { useSession } from '../../app/deskSession.tsx';
import { useDeskSubmit } from '../../shared/deskForm.ts';
import { deskErrorMessage } from '../../shared/errors.ts';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';

type Values = {
  deskPrefix: string;
  numberFormat: NumberFormat;
  deskName: string;
  deskPhone: string;
  slipWidth: '80' | '58';
  printer: string;
  printMode: RegistrationSettingsView['printMode'];
};

/** The desk's numbering and printing: prefix and number format, desk phone, slip width, printer. */
export function DeskSettingsPage() {
  const { t } = useTranslation('registration');
  const { client } = useSession();
  const [current, setCurrent] = useState<RegistrationSettingsView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const form = useForm<Values>({
    initialValues: {
      deskPrefix: '',
      numberFormat: 'YYMM-NNNN',
      deskName: '',
      deskPhone: '',
      slipWidth: '80',
      printer: '',
      printMode: 'dialog',
    },
  });

  useEffect(() => {
    client
      .call('settings.getDesk', {})
      .then((s) => {
        setCurrent(s);
        form.setValues({
          deskPrefix: s.deskPrefix,
          numberFormat: s.numberFormat,
          deskName: s.deskName ?? '',
          deskPhone: s.deskPhone ?? '',
          slipWidth: s.slipWidth,
          printer: s.printer ?? '',
          printMode: s.printMode,
        });
      })
      .catch((e: unknown) => setLoadError(deskErrorMessage(e)));
  }, [client, form.setValues]);

  const { onSubmit, error, busy } = useDeskSubmit(
    form,
    (v) => {
      setSaved(false);
      return client.call('settings.updateDesk', v);
    },
    (s) => {
      setCurrent(s);
      setSaved(true);
    },
  );

  return (
    <Stack maw={720}>
      <Title order={1} size="h2">
        {t('settings.title')}
      </Title>
      <ErrorNotice message={loadError} />
      <form onSubmit={onSubmit} noValidate>
        {/* Shut until the stored values arrive: typing earlier would be overwritten by them. */}
        <Fieldset variant="unstyled" disabled={!current}>
          <Paper withBorder p="md">
            <Stack>
              <Group grow align="flex-start">
                <TextInput
                  label={t('settings.deskPrefix')}
                  description={t('settings.deskPrefixHint')}
                  maxLength={4}
                  {...form.getInputProps('deskPrefix')}
                />
                <NativeSelect
                  label={t('settings.numberFormat')}
                  data={numberFormats.map((f) => ({ value: f, label: t(`numberFormats.${f}`) }))}
                  {...form.getInputProps('numberFormat')}
                />
              </Group>
              {current && <Text c="dimmed">{t('settings.next', { example: current.nextNumberExample })}</Text>}
              <Group grow align="flex-start">
                <TextInput label={t('settings.deskName')} {...form.getInputProps('deskName')} />
                <TextInput label={t('settings.deskPhone')} inputMode="tel" {...form.getInputProps('deskPhone')} />
              </Group>
              <Stack gap={4}>
                <Text fw={500}>{t('settings.slipWidth')}</Text>
                <SegmentedControl
                  data={[
                    { value: '80', label: t('print.w80') },
                    { value: '58', label: t('print.w58') },
                  ]}
                  {...form.getInputProps('slipWidth')}
                />
              </Stack>
              <TextInput label={t('settings.printer')} description={t('settings.printerHint')} {...form.getInputProps('printer')} />
              <Stack gap={4}>
                <Text fw={500}>{t('settings.printMode')}</Text>
                <SegmentedControl
                  data={(['silent', 'dialog', 'pdf'] as const).map((m) => ({ value: m, label: t(`settings.${m}`) }))}
                  {...form.getInputProps('printMode')}
                />
              </Stack>
              <ErrorNotice message={error} />
              {saved && <Alert color="green">{t('settings.saved')}</Alert>}
              <Group>
                <Button type="submit" loading={busy}>
                  {t('settings.save')}
                </Button>
              </Group>
            </Stack>
          </Paper>
        </Fieldset>
      </form>
    </Stack>
  );
}
