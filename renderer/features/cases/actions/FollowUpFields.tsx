import { Checkbox, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ActionFieldsProps } from './actionValues.ts';
import { MethodSelect } from './MethodSelect.tsx';

/** A follow-up visit: how, satisfaction on the 5-point scale, whether an explanation was accepted, a comment. */
export function FollowUpFields(props: ActionFieldsProps) {
  const { t } = useTranslation('handling');
  const { form, err } = props;
  return (
    <>
      <MethodSelect {...props} labelKey="form.method" errorPath="method" />
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('form.satisfaction')}
        </Text>
        <SegmentedControl
          aria-label={t('form.satisfaction')}
          data={['1', '2', '3', '4', '5'].map((s) => ({ value: s, label: t(`satisfaction.${s}`) }))}
          {...form.getInputProps('satisfaction')}
        />
        {err('satisfaction') && (
          <Text c="red" size="sm">
            {err('satisfaction')}
          </Text>
        )}
      </Stack>
      <Checkbox label={t('form.explanationAccepted')} {...form.getInputProps('explanationAccepted', { type: 'checkbox' })} />
      <Textarea label={t('form.comment')} autosize minRows={2} {...form.getInputProps('comment')} error={err('comment')} />
    </>
  );
}
