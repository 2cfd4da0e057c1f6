import {
  Alert,
  Button,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { numberFormats } from '../../../domain/cases/numbering.ts';
import { type DeskSettingsValues, deskLanguages, idleLockMinutesRange, settingsDefaults } from '../../../domain/settings/deskSettings.ts';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { useSettingsForm } from './useSettingsForm.ts';

type DeskValues = Omit<DeskSettingsValues['desk'], 'idleLockMinutes'> & { idleLockMinutes: number | string };

/** The organisation and its desk, and printing: one page, one save, each section checked by the matrix. */
export function SettingsPage() {
  const { t } = useTranslation('access');
  const settings = useSettingsForm(
    {
      desk: {
        toForm: (v): DeskValues => v,
        toInput: (v) => ({ ...v, idleLockMinutes: Number(v.idleLockMinutes) }),
      },
      printing: { toForm: (v) => v, toInput: (v) => v },
    },
    { desk: settingsDefaults.desk as DeskValues, printing: settingsDefaults.printing },
  );
  const { form, current } = settings;
  return (
    <Stack maw={720}>
      <Title order={1} size="h2">
        {t('admin.settings.title')}
      </Title>
      <ErrorNotice message={settings.loadError} />
      <form onSubmit={settings.onSubmit} noValidate>
        {/* Shut until the stored values arrive: typing earlier would be overwritten by them. */}
        <Fieldset variant="unstyled" disabled={!current}>
          <Stack>
            <Paper withBorder p="lg">
              <Stack>
                <Title order={2} size="h4">
                  {t('admin.settings.sectionDesk')}
                </Title>
                <TextInput label={t('admin.settings.orgName')} required {...form.getInputProps('desk.orgName')} />
                <TextInput label={t('registration:settings.deskName')} {...form.getInputProps('desk.deskName')} />
                <Group grow align="flex-start">
                  {current?.sitePrefix ? (
                    // Assigned by the sync site: shown, not offered, so nobody believes a change here would count.
                    <TextInput
                      label={t('admin.settings.deskPrefix')}
                      description={t('admin.settings.prefixFromSite', { prefix: current.sitePrefix })}
                      value={current.sitePrefix}
                      variant="filled"
                      readOnly
                      data-testid="site-prefix"
                    />
                  ) : (
                    <TextInput
                      label={t('admin.settings.deskPrefix')}
                      description={t('admin.settings.deskPrefixHint')}
                      maxLength={4}
                      {...form.getInputProps('desk.deskPrefix')}
                    />
                  )}
                  <NativeSelect
                    label={t('registration:settings.numberFormat')}
                    data={numberFormats.map((f) => ({ value: f, label: t(`registration:numberFormats.${f}`) }))}
                    {...form.getInputProps('desk.numberFormat')}
                  />
                </Group>
                {current && <Text c="dimmed">{t('registration:settings.next', { example: current.nextNumberExample })}</Text>}
                <TextInput label={t('admin.settings.deskPhone')} inputMode="tel" {...form.getInputProps('desk.deskPhone')} />
                <Group grow align="flex-start">
                  <Select
                    label={t('admin.settings.language')}
                    allowDeselect={false}
                    data={deskLanguages.map((l) => ({ value: l, label: t(`common:languages.${l}`) }))}
                    {...form.getInputProps('desk.language')}
                  />
                  <NumberInput
                    label={t('admin.settings.idleLockMinutes')}
                    description={t('admin.settings.idleLockHint')}
                    min={idleLockMinutesRange.min}
                    max={idleLockMinutesRange.max}
                    decimalScale={1}
                    step={1}
                    {...form.getInputProps('desk.idleLockMinutes')}
                  />
                </Group>
              </Stack>
            </Paper>
            <Paper withBorder p="lg">
              <Stack>
                <Title order={2} size="h4">
                  {t('admin.settings.sectionPrinting')}
                </Title>
                <TextInput
                  label={t('admin.settings.printerName')}
                  description={t('admin.settings.printerNameHint')}
                  {...form.getInputProps('printing.printer')}
                />
                <Stack gap={4}>
                  <Text fw={500}>{t('registration:settings.slipWidth')}</Text>
                  <SegmentedControl
                    data={[
                      { value: '80', label: t('registration:print.w80') },
                      { value: '58', label: t('registration:print.w58') },
                    ]}
                    {...form.getInputProps('printing.slipWidth')}
                  />
                </Stack>
                <Stack gap={4}>
                  <Text fw={500}>{t('registration:settings.printMode')}</Text>
                  <SegmentedControl
                    data={(['silent', 'dialog', 'pdf'] as const).map((m) => ({ value: m, label: t(`registration:settings.${m}`) }))}
                    {...form.getInputProps('printing.printMode')}
                  />
                </Stack>
              </Stack>
            </Paper>
            <ErrorNotice message={settings.error} />
            {settings.saved && <Alert color="green">{t('admin.saved')}</Alert>}
            <Group justify="flex-end">
              <Button type="submit" size="md" loading={settings.busy}>
                {t('common:save')}
              </Button>
            </Group>
          </Stack>
        </Fieldset>
      </form>
    </Stack>
  );
}
