import { Button, Card, Group, MultiSelect, Select, Stack, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskInput } from '../../../../domain/api/deskApi.ts';
import type { RegistrationOptions } from '../../../../domain/api/registrationViews.ts';
import type { CaseDetail } from '../../../../domain/api/views.ts';
import type { CaseActionType } from '../../../../domain/cases/caseMachine.ts';
import { declineReasons, redirectTargets, satisfactionLevels } from '../../../../domain/cases/intakeVocabulary.ts';
import { useSession } from '../../../app/deskSession.tsx';
import { useDeskSubmit } from '../../../shared/deskForm.ts';
import { ErrorNotice } from '../../../shared/ui/ErrorNotice.tsx';

type Decision = 'accept' | 'decline' | 'resolveOnSpot' | 'redirect';
const decisions: Decision[] = ['accept', 'decline', 'resolveOnSpot', 'redirect'];

const emptyAction = {
  departmentId: '',
  coDepartmentIds: [] as string[],
  handlerId: '',
  reasonCode: '',
  reason: '',
  resolution: '',
  satisfaction: '',
  target: '',
  note: '',
};

type Action = DeskInput<'cases.act'>['action'];

function actionOf(decision: Decision, v: typeof emptyAction): Action {
  const opt = (s: string) => (s.trim() === '' ? undefined : s);
  // Unchosen fields go to the core as missing, so its messages say "required" next to them.
  const missing = undefined as unknown as never;
  switch (decision) {
    case 'accept':
      return {
        type: 'accept',
        departmentId: v.departmentId,
        coDepartmentIds: v.coDepartmentIds.length ? v.coDepartmentIds : undefined,
        handlerId: opt(v.handlerId),
      };
    case 'decline':
      return { type: 'decline', reasonCode: opt(v.reasonCode) as (typeof declineReasons)[number] | undefined, reason: v.reason };
    case 'resolveOnSpot':
      return { type: 'resolveOnSpot', resolution: v.resolution, satisfaction: v.satisfaction ? Number(v.satisfaction) : missing };
    case 'redirect':
      return { type: 'redirect', target: (opt(v.target) as (typeof redirectTargets)[number] | undefined) ?? missing, note: v.note };
  }
}

/**
 * The desk's decision on a registered case: accept and route (lead and co-departments, an
 * optional handler), decline with a reason from the list, resolve on the spot, or redirect.
 * After a decline or redirect the letter for the complainant can be printed at once.
 */
export function DecisionPanel(props: {
  caseId: string;
  /** The department complained about, offered as the lead department on accepting. */
  respondentDepartmentId?: string | null | undefined;
  allowedActions: readonly CaseActionType[];
  options: Pick<RegistrationOptions, 'departments' | 'handlers'>;
  onDecided: (updated: CaseDetail) => void;
  onPrint?: (template: 'declineNotice' | 'redirectGuidance') => void;
}) {
  const { t } = useTranslation('registration');
  const { client } = useSession();
  const [open, setOpen] = useState<Decision | null>(null);
  const form = useForm({ initialValues: { action: { ...emptyAction } } });
  const { onSubmit, error, busy } = useDeskSubmit(
    form,
    (values) => client.call('cases.act', { id: props.caseId, action: actionOf(open ?? 'accept', values.action) }),
    (updated) => {
      const decided = open;
      setOpen(null);
      form.reset();
      props.onDecided(updated);
      if (decided === 'decline') props.onPrint?.('declineNotice');
      if (decided === 'redirect') props.onPrint?.('redirectGuidance');
    },
  );
  const available = decisions.filter((d) => props.allowedActions.includes(d));
  if (available.length === 0) return null;
  const departments = props.options.departments.map((d) => ({ value: d.id, label: d.name }));
  const lead = form.values.action.departmentId;
  const handlers = props.options.handlers
    .filter((h) => lead !== '' && h.departmentIds.includes(lead))
    .map((h) => ({ value: h.id, label: h.displayName }));
  const colors: Record<Decision, string> = { accept: 'blue', decline: 'orange', resolveOnSpot: 'green', redirect: 'grape' };

  return (
    <Card withBorder data-testid="decision-panel">
      <Stack>
        <Title order={2} size="h4">
          {t('decision.title')}
        </Title>
        <Group>
          {available.map((d) => (
            <Button
              key={d}
              size="md"
              color={colors[d]}
              variant={open === d ? 'filled' : 'light'}
              onClick={() => {
                form.clearErrors();
                if (d === 'accept' && !form.values.action.departmentId && props.respondentDepartmentId) {
                  form.setFieldValue('action.departmentId', props.respondentDepartmentId);
                }
                setOpen(d);
              }}
            >
              {t(`decision.${d}`)}
            </Button>
          ))}
        </Group>
        {open && (
          <form onSubmit={onSubmit} noValidate>
            <Stack maw={640}>
              {open === 'accept' && (
                <>
                  <Select
                    label={t('decision.leadDepartment')}
                    required
                    searchable
                    data={departments}
                    {...form.getInputProps('action.departmentId')}
                  />
                  <MultiSelect
                    label={t('decision.coDepartments')}
                    searchable
                    clearable
                    data={departments.filter((d) => d.value !== lead)}
                    {...form.getInputProps('action.coDepartmentIds')}
                  />
                  <Select label={t('decision.handler')} searchable clearable data={handlers} {...form.getInputProps('action.handlerId')} />
                </>
              )}
              {open === 'decline' && (
                <>
                  <Select
                    label={t('decision.reasonCode')}
                    required
                    data={declineReasons.map((r) => ({ value: r, label: t(`declineReasons.${r}`) }))}
                    {...form.getInputProps('action.reasonCode')}
                  />
                  <Textarea label={t('decision.reason')} autosize minRows={2} {...form.getInputProps('action.reason')} />
                </>
              )}
              {open === 'resolveOnSpot' && (
                <>
                  <Textarea label={t('decision.resolution')} required autosize minRows={3} {...form.getInputProps('action.resolution')} />
                  <Select
                    label={t('decision.satisfaction')}
                    required
                    data={[...satisfactionLevels].reverse().map((s) => ({ value: String(s), label: t(`satisfaction.${s}`) }))}
                    {...form.getInputProps('action.satisfaction')}
                  />
                </>
              )}
              {open === 'redirect' && (
                <>
                  <Select
                    label={t('decision.target')}
                    required
                    data={redirectTargets.map((r) => ({ value: r, label: t(`redirectTargets.${r}`) }))}
                    {...form.getInputProps('action.target')}
                  />
                  <Textarea label={t('decision.note')} autosize minRows={2} {...form.getInputProps('action.note')} />
                </>
              )}
              <ErrorNotice message={error} />
              <Group>
                <Button type="submit" loading={busy} color={colors[open]}>
                  {t('decision.confirm')}
                </Button>
                <Button variant="default" onClick={() => setOpen(null)}>
                  {t('common:cancel')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}
