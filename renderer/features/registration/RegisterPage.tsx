import { Alert, Badge, Button, Checkbox, Grid, Group, NativeSelect, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { PrintTemplate } from '../../../domain/api/registrationSchemas.ts';
import type { RegisteredCase } from '../../../domain/api/views.ts';
import type { CaseActionType } from '../../../domain/cases/caseMachine.ts';
import { anonymousAllowed, complainantRelations } from '../../../domain/cases/intakeVocabulary.ts';
import { channels, recordTypes, severities } from '../../../domain/cases/vocabulary.ts';
import { useSession } from '../../app/deskSession.tsx';
import { useDeskSubmit } from '../../shared/deskForm.ts';
import { deskErrorMessage } from '../../shared/errors.ts';
import { formatDate } from '../../shared/format.ts';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { AttachmentDrop, DecisionPanel, type PendingFile } from '../cases/index.ts';
import { PrintPreview, usePrinting } from '../printing/index.ts';
import { IntakeNotice } from '../retention/index.ts';
import { PeopleList } from './PeopleList.tsx';
import { registrationOptionsQuery, suggestionQuery } from './queries.ts';
import { RepeatLookup } from './RepeatLookup.tsx';
import { initialRegisterValues, lastChannelKey, type RegisterValues, registerInput } from './registerValues.ts';

/**
 * One screen, no wizard, in the order of the paper form: complainant on the left (earlier
 * cases of the same complainant slide in under them), the matter on the right, evidence
 * below, and Save / Save & print slip at the bottom, each with a shortcut.
 */
export function RegisterPage() {
  const { t, i18n } = useTranslation('registration');
  const { client } = useSession();
  const optionsQuery = useQuery(registrationOptionsQuery());
  const options = optionsQuery.data ?? null;
  const [registered, setRegistered] = useState<(RegisteredCase & { allowedActions: CaseActionType[] }) | null>(null);
  const [files, setFiles] = useState<PendingFile[]>([]);
  const [preview, setPreview] = useState<{ template: PrintTemplate; caseId: string } | null>(null);
  const touched = useRef({ categoryId: false, severity: false });
  const printAfterSave = useRef(false);
  const firstField = useRef<HTMLSelectElement>(null);
  const printing = usePrinting();
  const form = useForm<RegisterValues>({ initialValues: initialRegisterValues() });
  const v = form.values;

  // Category and severity follow the content until the receptionist sets them.
  const [text] = useDebouncedValue(`${v.subject}\n${v.content}\n${v.demands}`, 400);
  const suggested = useQuery(suggestionQuery(text));
  const suggestion = text.trim() === '' ? null : (suggested.data ?? null);
  useEffect(() => {
    if (!suggestion) return;
    if (!touched.current.categoryId && suggestion.categoryId) form.setFieldValue('categoryId', suggestion.categoryId);
    if (!touched.current.severity) form.setFieldValue('severity', suggestion.severity);
  }, [suggestion, form.setFieldValue]);
  const loadError = optionsQuery.error ?? suggested.error;

  const uploading = files.some((f) => f.status === 'uploading');
  const { onSubmit, error, busy } = useDeskSubmit(
    form,
    (values) => {
      localStorage.setItem(lastChannelKey, values.channel);
      const refs = files.flatMap((f) => (f.status === 'done' && f.ref ? [f.ref] : []));
      return client.call('cases.register', registerInput(values, refs));
    },
    (result) => {
      setRegistered({ ...result, allowedActions: ['accept', 'decline', 'resolveOnSpot', 'redirect'] });
      form.setValues(initialRegisterValues());
      form.resetDirty();
      setFiles([]);
      touched.current = { categoryId: false, severity: false };
      if (printAfterSave.current) void printing.print({ template: 'slip', caseId: result.id });
      printAfterSave.current = false;
      firstField.current?.focus();
    },
    () => {
      printAfterSave.current = false;
    },
  );

  const save = useCallback(
    (andPrint: boolean) => {
      if (busy || uploading) return;
      printAfterSave.current = andPrint;
      onSubmit();
    },
    [busy, uploading, onSubmit],
  );
  const printLastSlip = () => registered && void printing.print({ template: 'slip', caseId: registered.id });
  useHotkeys(
    [
      ['mod+S', () => save(false)],
      ['mod+shift+S', () => save(true)],
      ['mod+P', printLastSlip],
    ],
    [],
  );

  const departments = (options?.departments ?? []).map((d) => ({ value: d.id, label: d.name }));
  const none = { value: '', label: '—' };
  const canBeAnonymous = anonymousAllowed(v.type);
  const fieldErrors = form.errors as Record<string, string>;

  return (
    <Stack gap="sm">
      <Title order={1} size="h2">
        {t('form.title')}
      </Title>
      {registered && (
        <Alert
          color="green"
          title={t('form.saved', { number: registered.number, queryCode: registered.queryCode })}
          data-testid="registered"
        >
          <Stack gap="xs">
            <Text>{t('form.feedbackBy', { date: formatDate(registered.deadlines.feedback, i18n.language) })}</Text>
            <Group>
              <Button variant="filled" loading={printing.busy} onClick={printLastSlip}>
                {t('print.slip')} (Ctrl+P)
              </Button>
              <Button variant="light" onClick={() => setPreview({ template: 'slip', caseId: registered.id })}>
                {t('print.preview')}
              </Button>
              <Button variant="light" onClick={() => setPreview({ template: 'registrationForm', caseId: registered.id })}>
                {t('print.registrationForm')}
              </Button>
              <Button component={Link} to={`/cases/${registered.id}`} variant="default">
                {t('form.open')}
              </Button>
            </Group>
            {options && registered.allowedActions.length > 0 && (
              <DecisionPanel
                caseId={registered.id}
                allowedActions={registered.allowedActions}
                options={options}
                onDecided={(c) => setRegistered({ ...registered, allowedActions: c.allowedActions })}
                onPrint={(template) => setPreview({ template, caseId: registered.id })}
              />
            )}
          </Stack>
        </Alert>
      )}
      <form onSubmit={onSubmit} noValidate>
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Paper withBorder p="sm">
              <Stack gap="xs">
                <Group grow>
                  <NativeSelect
                    ref={firstField}
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
                  {canBeAnonymous && (
                    <Checkbox
                      label={t('form.anonymous')}
                      {...form.getInputProps('anonymous', { type: 'checkbox' })}
                      error={fieldErrors.anonymous}
                    />
                  )}
                </Group>
                <Group grow align="flex-start">
                  <TextInput label={t('form.name')} required={!v.anonymous} {...form.getInputProps('complainant.name')} />
                  <TextInput
                    label={t('form.phone')}
                    inputMode="tel"
                    {...form.getInputProps('complainant.phone')}
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
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Paper withBorder p="sm">
              <Stack gap="xs">
                <Title order={2} size="h4">
                  {t('form.matter')}
                </Title>
                {v.channel === 'letter' && (
                  <Group grow align="flex-start">
                    <TextInput label={t('form.letterNumber')} {...form.getInputProps('letter.number')} />
                    <TextInput label={t('form.letterDate')} type="date" {...form.getInputProps('letter.date')} />
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
                      touched.current.categoryId = true;
                      form.setFieldValue('categoryId', e.currentTarget.value);
                    }}
                  />
                  <NativeSelect
                    label={t('form.severity')}
                    data={severities.map((s) => ({ value: s, label: t(`cases:severities.${s}`) }))}
                    {...form.getInputProps('severity')}
                    onChange={(e) => {
                      touched.current.severity = true;
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
                <Group grow align="flex-start">
                  <NativeSelect
                    label={t('form.respondentDepartment')}
                    data={[none, ...departments]}
                    {...form.getInputProps('respondent.departmentId')}
                  />
                  <TextInput label={t('form.respondentPerson')} {...form.getInputProps('respondent.person')} />
                </Group>
                <Group grow align="flex-start">
                  <TextInput label={t('form.occurredAt')} type="datetime-local" {...form.getInputProps('occurredAt')} />
                  <TextInput label={t('form.occurredPlace')} {...form.getInputProps('occurredPlace')} />
                </Group>
                <Group grow align="flex-start">
                  <TextInput
                    label={t('form.receivedAt')}
                    type="datetime-local"
                    description={t('form.receivedAtHint')}
                    {...form.getInputProps('receivedAt')}
                  />
                  <Checkbox mt="lg" label={t('form.confidential')} {...form.getInputProps('confidential', { type: 'checkbox' })} />
                </Group>
              </Stack>
            </Paper>
          </Grid.Col>
          <Grid.Col span={12}>
            <AttachmentDrop files={files} onChange={setFiles} errors={fieldErrors} />
          </Grid.Col>
        </Grid>
        <Paper withBorder p="sm" mt="sm" style={{ position: 'sticky', bottom: 0, zIndex: 5, background: 'var(--mantine-color-body)' }}>
          <Stack gap="xs">
            <ErrorNotice message={loadError ? deskErrorMessage(loadError) : null} />
            <ErrorNotice message={error} />
            <Group justify="space-between">
              <Text size="sm" c="dimmed">
                {t('form.shortcuts')}
              </Text>
              <Group>
                <Button type="submit" size="md" variant="light" loading={busy} disabled={uploading}>
                  {t('form.save')} (Ctrl+S)
                </Button>
                <Button size="md" loading={busy || printing.busy} disabled={uploading} onClick={() => save(true)}>
                  {t('form.saveAndPrint')} (Ctrl+Shift+S)
                </Button>
              </Group>
            </Group>
          </Stack>
        </Paper>
      </form>
      <PrintPreview request={preview} onClose={() => setPreview(null)} />
    </Stack>
  );
}
