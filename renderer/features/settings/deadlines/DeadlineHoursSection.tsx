import { Button, Group, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../../shared/ui/ErrorNotice.tsx';
import { useSettingsForm } from '../useSettingsForm.ts';

export function HoursSection(props: { editable: boolean }) {
  const { t } = useTranslation('deadlines');
  const settings = useSettingsForm(
    {
      deadlines: {
        toForm: (v) => ({ workingHours: v.workingHours.join('\n'), dueSoonWorkingDays: v.dueSoonWorkingDays as number | string }),
        toInput: (v) => ({
          workingHours: v.workingHours
            .split('\n')
            .map((l) => l.replace(/\s/g, '').replace('—', '-').replace('–', '-'))
            .filter(Boolean),
          dueSoonWorkingDays: Number(v.dueSoonWorkingDays),
        }),
      },
    },
    { deadlines: { workingHours: '', dueSoonWorkingDays: 1 as number | string } },
  );
  const { form } = settings;
  // Until the stored values arrive the fields stay shut: typing earlier would be overwritten by them.
  const loaded = settings.current !== null;
  // The core names each line `deadlines.workingHours.N`; show them all under the one field.
  const hoursError =
    form.errors['deadlines.workingHours'] ??
    Object.entries(form.errors)
      .filter(([k]) => k.startsWith('deadlines.workingHours.'))
      .map(([, v]) => v)[0];
  return (
    <form onSubmit={settings.onSubmit} noValidate>
      <Stack maw={560}>
        <ErrorNotice message={settings.loadError} />
        <Textarea
          label={t('page.workingHours')}
          description={t('page.hoursHint')}
          autosize
          minRows={2}
          disabled={!props.editable || !loaded}
          {...form.getInputProps('deadlines.workingHours')}
          onChange={(e) => {
            settings.unsaved();
            form.setFieldValue('deadlines.workingHours', e.currentTarget.value);
          }}
          error={hoursError}
        />
        <NumberInput
          label={t('page.dueSoon')}
          description={t('page.dueSoonHint')}
          min={0}
          max={10}
          allowDecimal={false}
          disabled={!props.editable || !loaded}
          {...form.getInputProps('deadlines.dueSoonWorkingDays')}
        />
        <ErrorNotice message={settings.error} />
        {props.editable && loaded && (
          <Group>
            <Button type="submit" loading={settings.busy}>
              {t('common:save')}
            </Button>
            {settings.saved && <Text c="green">{t('page.saved')}</Text>}
          </Group>
        )}
      </Stack>
    </form>
  );
}
