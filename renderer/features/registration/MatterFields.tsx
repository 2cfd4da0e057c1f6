import { Alert, Badge, Checkbox, Group, NativeSelect, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { RegistrationOptions, TriageView } from '../../../domain/api/registrationViews.ts';
import { severities } from '../../../domain/cases/vocabulary.ts';
import { DeskDateInput, DeskDateTimeInput } from '../../shared/ui/DeskDates.tsx';
import { IntakePromptChecks } from './IntakePromptChecks.tsx';
import type { RegisterValues } from './registerValues.ts';

/**
 * The right half of the paper form: what happened, the category and severity the text
 * suggests (until set by hand), the hospital's intake prompts, who and where, and when.
 */
export function MatterFields(props: {
  form: UseFormReturnType<RegisterValues>;
  options: RegistrationOptions | null;
  suggestion: TriageView | null;
  onChosen: (field: 'categoryId' | 'severity') => void;
}) {
  const { t } = useTranslation('registration');
  const { form, options, suggestion } = props;
  const v = form.values;
  const none = { value: '', label: '—' };
  const departments = (options?.departments ?? []).map((d) => ({ value: d.id, label: d.name }));
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('form.matter')}
        </Title>
        {v.channel === 'letter' && (
          <Group grow align="flex-start">
            <TextInput label={t('form.letterNumber')} {...form.getInputProps('letter.number')} />
            <DeskDateInput label={t('form.letterDate')} {...form.getInputProps('letter.date')} />
          </Group>
        )}
        {v.channel === 'transferred' && (
          <Group grow align="flex-start">
            <TextInput
              label={t('form.transferSource')}
              required
              placeholder={t('form.transferSourceHint')}
              {...form.getInputProps('transfer.source')}
            />
            <TextInput label={t('form.transferReference')} {...form.getInputProps('transfer.reference')} />
          </Group>
        )}
        <TextInput label={t('form.subject')} placeholder={t('form.subjectHint')} required {...form.getInputProps('subject')} />
        <Textarea
          label={t('form.content')}
          placeholder={t('form.contentHint')}
          required
          autosize
          minRows={4}
          maxRows={10}
          {...form.getInputProps('content')}
        />
        <Textarea
          label={t('form.demands')}
          placeholder={t('form.demandsHint')}
          autosize
          minRows={1}
          maxRows={4}
          {...form.getInputProps('demands')}
        />
        <Group grow align="flex-start">
          <NativeSelect
            label={t('form.category')}
            data={[none, ...(options?.categories ?? []).map((c) => ({ value: c.id, label: c.name }))]}
            {...form.getInputProps('categoryId')}
            onChange={(e) => {
              props.onChosen('categoryId');
              form.setFieldValue('categoryId', e.currentTarget.value);
            }}
          />
          <NativeSelect
            label={t('form.severity')}
            data={severities.map((s) => ({ value: s, label: t(`cases:severities.${s}`) }))}
            {...form.getInputProps('severity')}
            onChange={(e) => {
              props.onChosen('severity');
              form.setFieldValue('severity', e.currentTarget.value as RegisterValues['severity']);
            }}
          />
        </Group>
        {suggestion && suggestion.signals.length > 0 && (
          <Group gap="xs" data-testid="triage-suggestion">
            <Badge variant="light">{t('form.suggested')}</Badge>
            <Text size="sm" c="dimmed">
              {t('form.signals', { words: suggestion.signals.join('、') })}
            </Text>
          </Group>
        )}
        {suggestion?.largeClaim && (
          <Alert color="grape" variant="light">
            {t('form.largeClaim')}
          </Alert>
        )}
        <IntakePromptChecks
          suggested={suggestion?.prompts ?? []}
          given={v.promptsGiven}
          onChange={(given) => form.setFieldValue('promptsGiven', given)}
        />
        <Group grow align="flex-start">
          <NativeSelect
            label={t('form.respondentDepartment')}
            data={[none, ...departments]}
            {...form.getInputProps('respondent.departmentId')}
          />
          <TextInput label={t('form.respondentPerson')} {...form.getInputProps('respondent.person')} />
        </Group>
        <Group grow align="flex-start">
          <DeskDateTimeInput label={t('form.occurredAt')} {...form.getInputProps('occurredAt')} />
          <TextInput label={t('form.occurredPlace')} {...form.getInputProps('occurredPlace')} />
        </Group>
        <Group grow align="flex-start">
          <DeskDateTimeInput label={t('form.receivedAt')} description={t('form.receivedAtHint')} {...form.getInputProps('receivedAt')} />
          <Checkbox mt="lg" label={t('form.confidential')} {...form.getInputProps('confidential', { type: 'checkbox' })} />
        </Group>
      </Stack>
    </Paper>
  );
}
