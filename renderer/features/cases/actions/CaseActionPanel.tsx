import { Button, Card, Group, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../domain/api/views.ts';
import type { CaseActionType } from '../../../../domain/cases/caseMachine.ts';
import { useSession } from '../../../app/deskSession.tsx';
import { useDeskSubmit } from '../../../shared/deskForm.ts';
import type { Directory } from '../../../shared/directory.ts';
import { ErrorNotice } from '../../../shared/ui/ErrorNotice.tsx';
import { ActionFields } from './ActionFields.tsx';
import { actionOf, initialValues, type Values } from './actionValues.ts';

/** The order of the buttons: the next step of the lifecycle first, records and corrections after. */
const primary: CaseActionType[] = [
  'accept',
  'startInvestigation',
  'propose',
  'approve',
  'respond',
  'followUp',
  'close',
  'sendBack',
  'decline',
  'review',
  'archive',
];
const secondary: CaseActionType[] = ['note', 'contact', 'assign', 'escalate', 'correct', 'link', 'merge'];
const deskDecisions: readonly CaseActionType[] = ['decline', 'resolveOnSpot', 'redirect'];

/** The actions the core allows this user now, as buttons; each opens its own small form (cases/actions/). */
export function CaseActionPanel(props: {
  detail: CaseDetail;
  directory: Directory;
  onChanged: (c: CaseDetail) => void;
  /** A reply sent as a letter: the page offers the reply letter to print at once. */
  onLetterReply?: () => void;
}) {
  const { detail, directory } = props;
  const { t } = useTranslation('handling');
  const { client } = useSession();
  const [open, setOpen] = useState<CaseActionType | null>(null);
  const form = useForm<Values>({ initialValues });
  const submit = (values: Values) => {
    if (!open) throw new Error('no action open');
    return client.call('cases.act', { id: detail.id, action: actionOf(open, values, detail) });
  };
  const { onSubmit, error, busy } = useDeskSubmit(form, submit, (updated) => {
    const letterReply = open === 'respond' && form.values.method === 'letter';
    setOpen(null);
    form.reset();
    props.onChanged(updated);
    if (letterReply) props.onLetterReply?.();
  });
  const err = (name: string) => {
    const message = form.errors[`action.${name}`] ?? form.errors[name];
    return message === undefined || message === null ? undefined : String(message);
  };
  const choose = (action: CaseActionType) => {
    form.reset();
    form.clearErrors();
    if (action === 'assign') {
      form.setValues({
        departmentId: detail.departmentId ?? '',
        coDepartmentIds: detail.coDepartmentIds,
        handlerId: detail.handlerId ?? '',
      });
    }
    // The department complained about is most often the one to handle it: offered, not imposed.
    if (action === 'accept') form.setValues({ departmentId: detail.respondent?.departmentId ?? '' });
    if (action === 'correct') form.setValues({ field: 'subject', value: detail.subject });
    setOpen(action);
  };

  // Declining, resolving on the spot and redirecting are the desk's decisions, offered beside (renderer/registration).
  const allowed = detail.allowedActions.filter((a) => !deskDecisions.includes(a));
  if (allowed.length === 0) return null;
  const label = (a: CaseActionType) => (a === 'accept' || a === 'decline' ? t(`cases:detail.${a}`) : t(`actions.${a}`));
  const button = (a: CaseActionType, variant: 'filled' | 'light' | 'default') => (
    <Button
      key={a}
      size="md"
      variant={open === a ? 'filled' : variant}
      color={a === 'decline' || a === 'sendBack' ? 'orange' : 'blue'}
      onClick={() => choose(a)}
    >
      {label(a)}
    </Button>
  );

  const main = primary.filter((a) => allowed.includes(a));
  const more = secondary.filter((a) => allowed.includes(a));
  return (
    <Card withBorder>
      <Stack gap="sm">
        {main.length > 0 && <Group gap="sm">{main.map((a) => button(a, 'light'))}</Group>}
        {more.length > 0 && <Group gap="sm">{more.map((a) => button(a, 'default'))}</Group>}
      </Stack>
      {open && (
        <form onSubmit={onSubmit} noValidate>
          <Stack mt="md" maw={640}>
            <Title order={3} size="h4">
              {open === 'accept' ? t('cases:detail.acceptTitle') : open === 'decline' ? t('cases:detail.declineTitle') : label(open)}
            </Title>
            <ActionFields action={open} form={form} err={err} detail={detail} directory={directory} />
            <ErrorNotice message={error} />
            <Group>
              <Button type="submit" loading={busy}>
                {t('cases:detail.confirm')}
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
