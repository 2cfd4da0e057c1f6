import { Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mayCall } from '../../../domain/access/permissions.ts';
import type { RetentionSettings } from '../../../domain/api/retentionViews.ts';
import { recordTypes } from '../../../domain/cases/vocabulary.ts';
import type { RetentionPeriods } from '../../../domain/retention/retentionRules.ts';
import { useSession } from '../../app/deskSession.tsx';
import { DeskCallError } from '../../shared/api/deskClient.ts';
import { invalidate } from '../../shared/api/queries.ts';
import { deskErrorMessage } from '../../shared/errors.ts';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';

/** The retention periods in months: personal data per record type, evidence for all. */
export function RetentionPeriodsForm(props: { settings: RetentionSettings }) {
  const { t } = useTranslation('privacy');
  const { client, user } = useSession();
  const [periods, setPeriods] = useState<RetentionPeriods>(props.settings.periods);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const mayUpdate = mayCall(user.roles, 'retention.update');
  const months = (value: string | number) => (typeof value === 'number' ? value : Number.NaN);

  const save = async () => {
    setFields({});
    setError(null);
    setSaved(false);
    try {
      await client.call('retention.update', { periods });
      setSaved(true);
      void invalidate('retention.get', 'retention.preview');
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
          {t('retention.periodsTitle')}
        </Title>
        <Text size="sm">{t('retention.periodsIntro')}</Text>
        <SimpleGrid cols={3}>
          {recordTypes.map((type) => (
            <NumberInput
              key={type}
              label={t('retention.personalDataOf', { type: t(`cases:types.${type}`) })}
              suffix={t('retention.monthsSuffix')}
              value={periods.personalData[type]}
              disabled={!mayUpdate}
              error={fields[`periods.personalData.${type}`]}
              onChange={(v) => setPeriods({ ...periods, personalData: { ...periods.personalData, [type]: months(v) } })}
            />
          ))}
          <NumberInput
            label={t('retention.evidence')}
            suffix={t('retention.monthsSuffix')}
            value={periods.evidence}
            disabled={!mayUpdate}
            error={fields['periods.evidence']}
            onChange={(v) => setPeriods({ ...periods, evidence: months(v) })}
          />
        </SimpleGrid>
        <ErrorNotice message={error} />
        {mayUpdate && (
          <Group>
            <Button onClick={() => void save()}>{t('retention.save')}</Button>
            <Button variant="default" onClick={() => setPeriods(props.settings.defaults)}>
              {t('retention.useDefaults')}
            </Button>
            {saved && <Text c="green">{t('retention.saved')}</Text>}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
