import { Grid, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useHotkeys } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintTemplate } from '../../../domain/api/registrationSchemas.ts';
import { useSession } from '../../app/deskSession.tsx';
import { useDeskSubmit } from '../../shared/deskForm.ts';
import { deskErrorMessage } from '../../shared/errors.ts';
import { focusFirstError, focusIfIdle, moveOnEnter } from '../../shared/formKeys.ts';
import { AttachmentDrop, type PendingFile } from '../cases/index.ts';
import { PrintPreview, usePrinting } from '../printing/index.ts';
import { ComplainantFields } from './ComplainantFields.tsx';
import { MatterFields } from './MatterFields.tsx';
import { registrationOptionsQuery } from './queries.ts';
import { type Registered, RegisteredPanel } from './RegisteredPanel.tsx';
import { RegisterFooter } from './RegisterFooter.tsx';
import { initialRegisterValues, lastChannelKey, type RegisterValues, registerInput } from './registerValues.ts';
import { useTriage } from './useTriage.ts';

/**
 * One screen, no wizard, in the order of the paper form: complainant on the left (earlier
 * cases of the same complainant slide in under them), the matter on the right, evidence
 * below, and Save / Save & print slip at the bottom, each with a shortcut. Made for the
 * keyboard: focus starts in the complainant's name and returns there after each save, Enter
 * moves to the next field, and a refused save takes focus to the first field to fix.
 */
export function RegisterPage() {
  const { t } = useTranslation('registration');
  const { client } = useSession();
  const optionsQuery = useQuery(registrationOptionsQuery());
  const options = optionsQuery.data ?? null;
  const [registered, setRegistered] = useState<Registered | null>(null);
  const [files, setFiles] = useState<PendingFile[]>([]);
  const [preview, setPreview] = useState<{ template: PrintTemplate; caseId: string } | null>(null);
  const printAfterSave = useRef(false);
  const nameField = useRef<HTMLInputElement>(null);
  // The next person starts at the top of the form, where the saved case's number is shown.
  const readyForNext = () => {
    window.scrollTo({ top: 0 });
    nameField.current?.focus({ preventScroll: true });
  };
  const formElement = useRef<HTMLFormElement>(null);
  const printing = usePrinting();
  const form = useForm<RegisterValues>({ initialValues: initialRegisterValues() });
  const triage = useTriage(form);
  const loadError = optionsQuery.error ?? triage.error;
  useEffect(() => focusIfIdle(nameField.current), []);

  const uploading = files.some((f) => f.status === 'uploading');
  const { onSubmit, error, busy } = useDeskSubmit(
    form,
    (values) => {
      localStorage.setItem(lastChannelKey, values.channel);
      const refs = files.flatMap((f) => (f.status === 'done' && f.ref ? [f.ref] : []));
      return client.call('cases.register', registerInput(values, refs));
    },
    async (result) => {
      setRegistered({
        ...result,
        allowedActions: ['accept', 'decline', 'resolveOnSpot', 'redirect'],
        respondentDepartmentId: form.getValues().respondent.departmentId || null,
      });
      form.setValues(initialRegisterValues());
      form.resetDirty();
      setFiles([]);
      triage.forget();
      readyForNext();
      if (printAfterSave.current) {
        printAfterSave.current = false;
        await printing.print({ template: 'slip', caseId: result.id });
        // Printing may take focus (the print frame, a dialog): the form is ready for the next person.
        readyForNext();
      }
    },
    () => {
      printAfterSave.current = false;
      // After React has marked the fields.
      requestAnimationFrame(() => focusFirstError(formElement.current));
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
  const previewLastSlip = () => registered && setPreview({ template: 'slip', caseId: registered.id });
  useHotkeys(
    [
      ['mod+S', () => save(false)],
      ['mod+shift+S', () => save(true)],
      ['mod+P', printLastSlip],
      ['mod+shift+P', previewLastSlip],
    ],
    [],
  );

  return (
    <Stack gap="sm">
      <Title order={1} size="h2">
        {t('form.title')}
      </Title>
      {registered && (
        <RegisteredPanel
          registered={registered}
          options={options}
          printing={printing.busy}
          onPrintSlip={printLastSlip}
          onPreview={(template) => setPreview({ template, caseId: registered.id })}
          onDecided={(allowedActions) => setRegistered({ ...registered, allowedActions })}
        />
      )}
      <form ref={formElement} onSubmit={onSubmit} onKeyDown={moveOnEnter} noValidate>
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <ComplainantFields form={form} nameRef={nameField} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <MatterFields form={form} options={options} suggestion={triage.suggestion} onChosen={triage.choose} />
          </Grid.Col>
          <Grid.Col span={12}>
            <AttachmentDrop files={files} onChange={setFiles} errors={form.errors as Record<string, string>} />
          </Grid.Col>
        </Grid>
        <RegisterFooter
          loadError={loadError ? deskErrorMessage(loadError) : null}
          error={error}
          fieldErrors={form.errors}
          busy={busy}
          printing={printing.busy}
          uploading={uploading}
          onSaveAndPrint={() => save(true)}
        />
      </form>
      <PrintPreview request={preview} onClose={() => setPreview(null)} />
    </Stack>
  );
}
