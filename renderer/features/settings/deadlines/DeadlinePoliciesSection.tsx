import { Alert, Badge, Button, Group, Modal, NumberInput, Select, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PolicyView } from '../../../../domain/api/deadlineViews.ts';
import {
  type ClockName,
  type ClockUnit,
  clockNames,
  clockUnits,
  type DeadlineClock,
  type DeadlinePolicy,
} from '../../../../domain/deadlines/deadline.ts';
import { useSession } from '../../../app/deskSession.tsx';
import { invalidate } from '../../../shared/api/queries.ts';
import { useDeskSubmit } from '../../../shared/deskForm.ts';
import { deskErrorMessage } from '../../../shared/errors.ts';
import { ErrorNotice } from '../../../shared/ui/ErrorNotice.tsx';
import { policiesQuery } from '../queries.ts';
import { PolicyTable } from './PolicyTable.tsx';

export function PoliciesSection(props: { editable: boolean }) {
  const { t } = useTranslation('deadlines');
  const { client } = useSession();
  const policies = useQuery(policiesQuery());
  const [changeError, setChangeError] = useState<string | null>(null);
  const error = changeError ?? (policies.error ? deskErrorMessage(policies.error) : null);
  const data = policies.data;
  const [editing, setEditing] = useState<PolicyView | null>(null);
  const [confirmReset, setConfirmReset] = useState(false);
  const reload = () => void invalidate('policies.list');
  if (!data) return <ErrorNotice message={error} />;
  return (
    <Stack>
      <Group justify="space-between">
        <Text c="dimmed">
          {t('page.policiesHint')} {t('page.profile', { profile: t(`profiles.${data.profile}`) })}
        </Text>
        {props.editable &&
          (confirmReset ? (
            <Group gap="xs">
              <Text>{t('page.resetConfirm')}</Text>
              <Button
                color="red"
                onClick={() =>
                  void client.call('policies.reset', {}).then(
                    () => {
                      setConfirmReset(false);
                      setChangeError(null);
                      reload();
                    },
                    (e: unknown) => setChangeError(deskErrorMessage(e)),
                  )
                }
              >
                {t('page.resetAll')}
              </Button>
              <Button variant="default" onClick={() => setConfirmReset(false)}>
                {t('common:cancel')}
              </Button>
            </Group>
          ) : (
            <Button variant="default" onClick={() => setConfirmReset(true)}>
              {t('page.resetAll')}
            </Button>
          ))}
      </Group>
      {data.items.some((p) => p.group) && (
        <Alert color="blue" variant="light">
          {t('sync:group.note.policy')}
        </Alert>
      )}
      <ErrorNotice message={error} />
      <PolicyTable
        testIdPrefix="policy"
        rows={data.items.map((p) => ({
          type: p.type,
          severity: p.severity,
          policy: p.policy,
          actions: (
            <Group gap="xs" wrap="nowrap">
              {p.group ? (
                <Badge variant="outline" color="blue">
                  {t('sync:group.badge')}
                </Badge>
              ) : (
                <Badge variant="light" color={p.custom ? 'grape' : 'gray'}>
                  {t(p.custom ? 'page.custom' : 'page.preset')}
                </Badge>
              )}
              {props.editable && !p.group && (
                <Button size="xs" variant="light" onClick={() => setEditing(p)}>
                  {t('page.edit')}
                </Button>
              )}
            </Group>
          ),
        }))}
      />
      {editing && (
        <PolicyEditor
          policy={editing}
          save={(clocks) => client.call('policies.update', { type: editing.type, severity: editing.severity, ...clocks })}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      )}
    </Stack>
  );
}

type ClockForm = { unit: ClockUnit; amount: number | string; severalDepartments: number | string };

/**
 * The three clocks of one record type and severity, in a dialog. Where they are saved is the
 * caller's (a desk's own policy, or the group's for a profile); a refusal lands at its field.
 */
export function PolicyEditor(props: {
  policy: Pick<PolicyView, 'type' | 'severity' | 'policy'>;
  save: (clocks: DeadlinePolicy) => Promise<unknown>;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation('deadlines');
  const { policy } = props;
  const toForm = (c: DeadlineClock): ClockForm => ({ unit: c.unit, amount: c.amount, severalDepartments: c.severalDepartments ?? '' });
  const form = useForm<Record<ClockName, ClockForm>>({
    initialValues: {
      acknowledge: toForm(policy.policy.acknowledge),
      feedback: toForm(policy.policy.feedback),
      resolve: toForm(policy.policy.resolve),
    },
  });
  const toClock = (c: ClockForm) => ({
    unit: c.unit,
    amount: Number(c.amount),
    ...(c.severalDepartments === '' ? {} : { severalDepartments: Number(c.severalDepartments) }),
  });
  const { onSubmit, error, busy } = useDeskSubmit(
    form,
    (v) => props.save({ acknowledge: toClock(v.acknowledge), feedback: toClock(v.feedback), resolve: toClock(v.resolve) }),
    props.onSaved,
  );
  return (
    <Modal
      opened
      onClose={props.onClose}
      size="lg"
      title={t('page.editTitle', { type: t(`cases:types.${policy.type}`), severity: t(`cases:severities.${policy.severity}`) })}
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {clockNames.map((c) => (
            <Group key={c} align="flex-end" wrap="nowrap" grow>
              <NumberInput
                label={`${t(`clocks.${c}`)} · ${t('page.amount')}`}
                min={1}
                max={365}
                allowDecimal={false}
                {...form.getInputProps(`${c}.amount`)}
              />
              <Select
                label={t('page.unit')}
                allowDeselect={false}
                data={clockUnits.map((u) => ({ value: u, label: t(`units.${u}`) }))}
                {...form.getInputProps(`${c}.unit`)}
              />
              {c !== 'acknowledge' ? (
                <NumberInput
                  label={t('page.severalDepartments')}
                  min={1}
                  max={365}
                  allowDecimal={false}
                  {...form.getInputProps(`${c}.severalDepartments`)}
                />
              ) : (
                <div />
              )}
            </Group>
          ))}
          <ErrorNotice message={error} />
          <Group>
            <Button type="submit" loading={busy}>
              {t('common:save')}
            </Button>
            <Button variant="default" onClick={props.onClose}>
              {t('common:cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
