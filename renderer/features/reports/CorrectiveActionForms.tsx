import { Button, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { CorrectiveAction } from '../../../domain/api/reportViews.ts';
import { addCalendarDays, localDateOf } from '../../../domain/deadlines/workingCalendar.ts';
import { useSession } from '../../app/deskSession.tsx';
import { DeskCallError } from '../../shared/api/deskClient.ts';
import { useDeskSubmit } from '../../shared/deskForm.ts';
import { useDirectory } from '../../shared/directory.ts';
import { DeskDateInput } from '../../shared/ui/DeskDates.tsx';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { deskUtcOffsetMinutes } from './drillDown.ts';

/** Where a new action comes from: a case (by its number) or an analysis period (`month:2025-11`). */
export interface ActionSource {
  caseNumber?: string | undefined;
  period?: string | undefined;
}

/** 新增整改措施: cause, measure, training, owner and due date (三不放过). */
export function NewCorrectiveAction(props: { opened: boolean; source: ActionSource; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation('reports');
  const { client } = useSession();
  const { departments } = useDirectory();
  const today = localDateOf(new Date(), deskUtcOffsetMinutes);
  const form = useForm({
    initialValues: {
      caseNumber: props.source.caseNumber ?? '',
      departmentId: '',
      cause: '',
      measure: '',
      training: '',
      owner: '',
      dueDate: addCalendarDays(today, 30),
    },
  });
  const { setFieldValue } = form;
  // Opened from a case page or an analysis: the source arrives in the URL after the form exists.
  useEffect(() => {
    if (props.opened && props.source.caseNumber) setFieldValue('caseNumber', props.source.caseNumber);
  }, [props.opened, props.source.caseNumber, setFieldValue]);
  const { onSubmit, error, busy } = useDeskSubmit(
    form,
    async (v) => {
      let caseId: string | undefined;
      if (v.caseNumber.trim()) {
        try {
          caseId = (await client.call('cases.get', { number: v.caseNumber.trim() })).id;
        } catch (e) {
          if (e instanceof DeskCallError && e.body.code === 'not_found') {
            throw new DeskCallError({ code: 'invalid_input', message: e.body.message, fields: { caseNumber: t('errors.caseNotFound') } });
          }
          throw e;
        }
      }
      try {
        return await client.call('correctiveActions.create', {
          ...(caseId ? { caseId } : {}),
          ...(!caseId && props.source.period ? { period: props.source.period } : {}),
          ...(v.departmentId ? { departmentId: v.departmentId } : {}),
          cause: v.cause,
          measure: v.measure,
          training: v.training,
          owner: v.owner,
          dueDate: v.dueDate,
        });
      } catch (e) {
        // The core names the case by id; the form asks for its number.
        if (e instanceof DeskCallError && e.body.fields?.caseId) {
          throw new DeskCallError({ ...e.body, fields: { ...e.body.fields, caseNumber: e.body.fields.caseId } });
        }
        throw e;
      }
    },
    () => {
      form.reset();
      props.onSaved();
    },
  );
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('actions.new')} size="lg">
      <form onSubmit={onSubmit}>
        <Stack>
          <SimpleGrid cols={2}>
            <TextInput label={t('actions.caseNumber')} {...form.getInputProps('caseNumber')} />
            <TextInput label={t('actions.period')} value={props.source.period ?? ''} readOnly disabled={!props.source.period} />
          </SimpleGrid>
          <Select
            label={t('actions.department')}
            data={departments.map((d) => ({ value: d.id, label: d.name }))}
            clearable
            {...form.getInputProps('departmentId')}
          />
          <Textarea label={t('actions.cause')} required autosize minRows={2} {...form.getInputProps('cause')} />
          <Textarea label={t('actions.measure')} required autosize minRows={2} {...form.getInputProps('measure')} />
          <Textarea label={t('actions.training')} autosize minRows={1} {...form.getInputProps('training')} />
          <SimpleGrid cols={2}>
            <TextInput label={t('actions.owner')} required {...form.getInputProps('owner')} />
            <DeskDateInput label={t('actions.dueDate')} required {...form.getInputProps('dueDate')} />
          </SimpleGrid>
          <ErrorNotice message={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common:cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('actions.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Records what was done (implement) or the verification of its effect (verify). */
export function ProgressCorrectiveAction(props: {
  action: CorrectiveAction | null;
  mode: 'implement' | 'verify';
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation('reports');
  const { client } = useSession();
  const form = useForm({ initialValues: { text: '', effective: true } });
  const { onSubmit, error, busy } = useDeskSubmit(
    form,
    (v) =>
      props.mode === 'implement'
        ? client.call('correctiveActions.implement', { id: props.action?.id ?? '', implementation: v.text })
        : client.call('correctiveActions.verify', { id: props.action?.id ?? '', verification: v.text, effective: v.effective }),
    () => {
      form.reset();
      props.onSaved();
    },
    (fields) => {
      if (fields.implementation || fields.verification) form.setFieldError('text', fields.implementation ?? fields.verification);
    },
  );
  const label = props.mode === 'implement' ? t('actions.implementation') : t('actions.verification');
  return (
    <Modal
      opened={props.action !== null}
      onClose={props.onClose}
      title={props.mode === 'implement' ? t('actions.implement') : t('actions.verify')}
      size="lg"
    >
      <form onSubmit={onSubmit}>
        <Stack>
          <Textarea label={label} required autosize minRows={3} {...form.getInputProps('text')} />
          <ErrorNotice message={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common:cancel')}
            </Button>
            {props.mode === 'implement' ? (
              <Button type="submit" loading={busy}>
                {t('actions.implement')}
              </Button>
            ) : (
              <>
                <Button type="submit" color="orange" variant="light" loading={busy} onClick={() => form.setFieldValue('effective', false)}>
                  {t('actions.notEffective')}
                </Button>
                <Button type="submit" color="teal" loading={busy} onClick={() => form.setFieldValue('effective', true)}>
                  {t('actions.effective')}
                </Button>
              </>
            )}
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
