import { Button, Card, Group, NumberInput, Stack, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../domain/api/views.ts';
import { useSession } from '../../../app/deskSession.tsx';
import { useDeskSubmit } from '../../../shared/deskForm.ts';
import { ErrorNotice } from '../../../shared/ui/ErrorNotice.tsx';

type Open = 'extend' | 'pause' | 'resume';

/** Extend (supervisor, once), pause and resume the clocks, each with its reason. */
export function DeadlineActions(props: { detail: CaseDetail; onChanged: (c: CaseDetail) => void }) {
  const { t } = useTranslation('deadlines');
  const { client } = useSession();
  const [open, setOpen] = useState<Open | null>(null);
  const form = useForm({ initialValues: { workingDays: 3 as number | string, reason: '' } });
  const act = (values: { workingDays: number | string; reason: string }) =>
    client.call('cases.act', {
      id: props.detail.id,
      action:
        open === 'extend'
          ? { type: 'extend', workingDays: Number(values.workingDays), reason: values.reason }
          : open === 'pause'
            ? { type: 'pause', reason: values.reason }
            : { type: 'resume', reason: values.reason },
    });
  const { onSubmit, error, busy } = useDeskSubmit(form, act, (updated) => {
    setOpen(null);
    form.reset();
    props.onChanged(updated);
  });
  const fieldError = (name: 'workingDays' | 'reason') => form.errors[`action.${name}`] ?? form.errors[name];
  const actions = (['extend', 'pause', 'resume'] as const).filter((a) => props.detail.allowedActions.includes(a));
  if (actions.length === 0) return null;

  return (
    <Card withBorder>
      <Group>
        {actions.map((a) => (
          <Button
            key={a}
            size="md"
            color={a === 'extend' ? 'grape' : 'gray'}
            variant={open === a ? 'filled' : 'light'}
            onClick={() => {
              form.clearErrors();
              setOpen(a);
            }}
          >
            {t(`actions.${a}`)}
          </Button>
        ))}
      </Group>
      {open && (
        <form onSubmit={onSubmit} noValidate>
          <Stack mt="md" maw={560}>
            <Title order={3} size="h4">
              {t(`actions.${open}Title`)}
            </Title>
            {open === 'extend' && (
              <NumberInput
                label={t('actions.workingDays')}
                required
                min={1}
                max={30}
                allowDecimal={false}
                {...form.getInputProps('workingDays')}
                error={fieldError('workingDays')}
              />
            )}
            <Textarea
              label={t('actions.reason')}
              required={open !== 'resume'}
              autosize
              minRows={2}
              {...form.getInputProps('reason')}
              error={fieldError('reason')}
            />
            <ErrorNotice message={error} />
            <Group>
              <Button type="submit" loading={busy}>
                {t('actions.confirm')}
              </Button>
              <Button variant="default" onClick={() => setOpen(null)}>
                {t('common:cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Card>
  );
}
