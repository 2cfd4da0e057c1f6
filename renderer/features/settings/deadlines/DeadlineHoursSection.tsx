import { Button, Group, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/deskSession.tsx';
import { useDeskSubmit } from '../../../shared/deskForm.ts';
import { ErrorNotice } from '../../../shared/ui/ErrorNotice.tsx';
import { useLoadError } from './deadlineSettingsLoadError.ts';

export function HoursSection(props: { editable: boolean }) {
  const { t } = useTranslation('deadlines');
  const { client } = useSession();
  const { error: loadError, fail } = useLoadError();
  const [saved, setSaved] = useState(false);
  // Until the stored values arrive the fields stay shut: typing earlier would be overwritten by them.
  const [loaded, setLoaded] = useState(false);
  const form = useForm({ initialValues: { workingHours: '', dueSoonWorkingDays: 1 as number | string } });
  // biome-ignore lint/correctness/useExhaustiveDependencies: load once; the form object is stable
  useEffect(() => {
    client
      .call('deadlineSettings.get', {})
      .then((s) => {
        form.setValues({ workingHours: s.workingHours.join('\n'), dueSoonWorkingDays: s.dueSoonWorkingDays });
        setLoaded(true);
      })
      .catch(fail);
  }, [client, fail]);
  const { onSubmit, error, busy } = useDeskSubmit(
    form,
    (v) =>
      client.call('deadlineSettings.update', {
        workingHours: v.workingHours
          .split('\n')
          .map((l) => l.replace(/\s/g, '').replace('—', '-').replace('–', '-'))
          .filter(Boolean),
        dueSoonWorkingDays: Number(v.dueSoonWorkingDays),
      }),
    () => setSaved(true),
  );
  // The core names each line `workingHours.N`; show them all under the one field.
  const hoursError =
    form.errors.workingHours ??
    Object.entries(form.errors)
      .filter(([k]) => k.startsWith('workingHours.'))
      .map(([, v]) => v)[0];
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack maw={560}>
        <ErrorNotice message={loadError} />
        <Textarea
          label={t('page.workingHours')}
          description={t('page.hoursHint')}
          autosize
          minRows={2}
          disabled={!props.editable || !loaded}
          {...form.getInputProps('workingHours')}
          onChange={(e) => {
            setSaved(false);
            form.setFieldValue('workingHours', e.currentTarget.value);
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
          {...form.getInputProps('dueSoonWorkingDays')}
        />
        <ErrorNotice message={error} />
        {props.editable && loaded && (
          <Group>
            <Button type="submit" loading={busy}>
              {t('common:save')}
            </Button>
            {saved && <Text c="green">{t('page.saved')}</Text>}
          </Group>
        )}
      </Stack>
    </form>
  );
}
