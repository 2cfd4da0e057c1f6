import { Checkbox, Group, NativeSelect, Paper, Stack, TextInput, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { anonymousAllowed, complainantRelations } from '../../../domain/cases/intakeVocabulary.ts';
import { isValidPhone } from '../../../domain/cases/phone.ts';
import { channels, recordTypes } from '../../../domain/cases/vocabulary.ts';
import { IntakeNotice } from '../retention/index.ts';
import { PeopleList } from './PeopleList.tsx';
import { RepeatLookup } from './RepeatLookup.tsx';
import type { RegisterValues } from './registerValues.ts';

/**
 * The left half of the paper form: record type and channel, the complainant (earlier cases of
 * the same complainant slide in under the name and phone), co-complainants and witnesses.
 */
export function ComplainantFields(props: { form: UseFormReturnType<RegisterValues>; nameRef: Ref<HTMLInputElement> }) {
  const { t } = useTranslation('registration');
  const { form } = props;
  const v = form.values;
  const fieldErrors = form.errors as Record<string, string>;
  const none = { value: '', label: '—' };
  const phone = form.getInputProps('complainant.phone');
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Group grow>
          <NativeSelect
            label={t('form.type')}
            data={recordTypes.map((r) => ({ value: r, label: t(`cases:types.${r}`) }))}
            {...form.getInputProps('type')}
          />
          <NativeSelect
            label={t('form.channel')}
            data={channels.map((c) => ({ value: c, label: t(`cases:channels.${c}`) }))}
            {...form.getInputProps('channel')}
          />
        </Group>
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('form.complainant')}
          </Title>
          {anonymousAllowed(v.type) && (
            <Checkbox
              label={t('form.anonymous')}
              {...form.getInputProps('anonymous', { type: 'checkbox' })}
              error={fieldErrors.anonymous}
            />
          )}
        </Group>
        <Group grow align="flex-start">
          {/* Where a receptionist's work starts: focused on arrival and after each save. */}
          <TextInput ref={props.nameRef} label={t('form.name')} required={!v.anonymous} {...form.getInputProps('complainant.name')} />
          <TextInput
            label={t('form.phone')}
            inputMode="tel"
            {...phone}
            // Checked as soon as the field is left, not only on save.
            onBlur={(e) => {
              phone.onBlur?.(e);
              const typed = v.complainant.phone.trim();
              if (typed !== '' && !isValidPhone(typed)) form.setFieldError('complainant.phone', t('errors:field.phone'));
            }}
            description={fieldErrors['complainant.phone'] ? undefined : t('form.phoneHint')}
          />
        </Group>
        <RepeatLookup phone={v.complainant.phone} name={v.complainant.name} />
        <Group grow align="flex-start">
          <NativeSelect
            label={t('form.relation')}
            data={[none, ...complainantRelations.map((r) => ({ value: r, label: t(`relations.${r}`) }))]}
            {...form.getInputProps('complainant.relation')}
          />
          <TextInput label={t('form.unit')} {...form.getInputProps('complainant.unit')} />
        </Group>
        <TextInput label={t('form.address')} {...form.getInputProps('complainant.address')} />
        <TextInput label={t('form.idNumber')} {...form.getInputProps('complainant.idNumber')} />
        <Checkbox label={t('form.group')} {...form.getInputProps('group', { type: 'checkbox' })} />
        {v.group && (
          <>
            <PeopleList form={form} path="coComplainants" title={t('form.coComplainants')} addLabel={t('form.addComplainant')} />
            <TextInput label={t('form.headCount')} inputMode="numeric" w={160} {...form.getInputProps('headCount')} />
          </>
        )}
        <PeopleList form={form} path="witnesses" title={t('form.witnesses')} addLabel={t('form.addWitness')} />
        <IntakeNotice />
      </Stack>
    </Paper>
  );
}
