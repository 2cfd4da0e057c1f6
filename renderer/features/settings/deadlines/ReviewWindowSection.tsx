import { Alert, Button, Group, NumberInput, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { reviewWindowRange } from '../../../../domain/settings/deskSettings.ts';
import { ErrorNotice } from '../../../shared/ui/ErrorNotice.tsx';
import { useSettingsForm } from '../useSettingsForm.ts';

/** The review window (复核): how long after closing a complainant may ask for a review. */
export function ReviewWindowSection(props: { editable: boolean }) {
  const { t } = useTranslation('handling');
  const settings = useSettingsForm(
    {
      cases: {
        toForm: (v) => ({ reviewWindowDays: v.reviewWindowDays as number | string }),
        // An empty field goes as null (a missing field would keep the stored value), so the core
        // answers "required" rather than "too small".
        toInput: (v) => ({ reviewWindowDays: v.reviewWindowDays === '' ? (null as unknown as number) : Number(v.reviewWindowDays) }),
      },
    },
    { cases: { reviewWindowDays: '' as number | string } },
  );
  const { form } = settings;
  return (
    <form onSubmit={settings.onSubmit} noValidate>
      <Stack maw={560}>
        {!props.editable && <Alert color="gray">{t('settings.supervisorOnly')}</Alert>}
        <ErrorNotice message={settings.loadError} />
        <NumberInput
          label={t('settings.reviewWindow')}
          description={t('settings.reviewWindowHint', reviewWindowRange)}
          suffix={t('settings.days')}
          allowDecimal={false}
          allowNegative={false}
          // The core checks the range and says what is wrong at the field; clamping would hide it.
          clampBehavior="none"
          disabled={!props.editable}
          {...form.getInputProps('cases.reviewWindowDays')}
          onChange={(value) => {
            settings.unsaved();
            form.setFieldValue('cases.reviewWindowDays', value);
          }}
        />
        <ErrorNotice message={settings.error} />
        {props.editable && (
          <Group>
            <Button type="submit" loading={settings.busy}>
              {t('common:save')}
            </Button>
            {settings.saved && <Text c="green">{t('settings.saved')}</Text>}
          </Group>
        )}
      </Stack>
    </form>
  );
}
