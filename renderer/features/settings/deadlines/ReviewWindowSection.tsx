import { Alert, Button, Group, NumberInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskInput } from '../../../../domain/api/deskApi.ts';
import { reviewWindowRange } from '../../../../domain/api/handlingSchemas.ts';
import { useSession } from '../../../app/deskSession.tsx';
import { useDeskSubmit } from '../../../shared/deskForm.ts';
import { ErrorNotice } from '../../../shared/ui/ErrorNotice.tsx';
import { useLoadError } from './deadlineSettingsLoadError.ts';

/** The review window (复核): how long after closing a complainant may ask for a review. */
export function ReviewWindowSection(props: { editable: boolean }) {
  const { t } = useTranslation('handling');
  const { client } = useSession();
  const { error: loadError, fail } = useLoadError();
  const [saved, setSaved] = useState(false);
  const form = useForm({ initialValues: { reviewWindowDays: '' as number | string } });
  // biome-ignore lint/correctness/useExhaustiveDependencies: load once; the form object is stable
  useEffect(() => {
    client
      .call('caseSettings.get', {})
      .then((s) => form.setValues({ reviewWindowDays: s.reviewWindowDays }))
      .catch(fail);
  }, [client, fail]);
  const { onSubmit, error, busy } = useDeskSubmit(
    form,
    (v) => {
      // An empty field goes as missing, so the core answers "required" rather than "too small".
      const input = { reviewWindowDays: v.reviewWindowDays === '' ? undefined : Number(v.reviewWindowDays) };
      return client.call('caseSettings.update', input as DeskInput<'caseSettings.update'>);
    },
    (s) => {
      form.setValues({ reviewWindowDays: s.reviewWindowDays });
      setSaved(true);
    },
  );
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack maw={560}>
        {!props.editable && <Alert color="gray">{t('settings.supervisorOnly')}</Alert>}
        <ErrorNotice message={loadError} />
        <NumberInput
          label={t('settings.reviewWindow')}
          description={t('settings.reviewWindowHint', reviewWindowRange)}
          suffix={t('settings.days')}
          allowDecimal={false}
          allowNegative={false}
          // The core checks the range and says what is wrong at the field; clamping would hide it.
          clampBehavior="none"
          disabled={!props.editable}
          {...form.getInputProps('reviewWindowDays')}
          onChange={(value) => {
            setSaved(false);
            form.setFieldValue('reviewWindowDays', value);
          }}
        />
        <ErrorNotice message={error} />
        {props.editable && (
          <Group>
            <Button type="submit" loading={busy}>
              {t('common:save')}
            </Button>
            {saved && <Text c="green">{t('settings.saved')}</Text>}
          </Group>
        )}
      </Stack>
    </form>
  );
}
