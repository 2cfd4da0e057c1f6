import { Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleInputs } from '../../../../domain/console/consoleApi.ts';
import type { CaseTransferResult } from '../../../../domain/console/transferViews.ts';
import { useDeskSubmit } from '../../../shared/deskForm.ts';
import { ErrorNotice } from '../../../shared/ui/ErrorNotice.tsx';
import { consoleClient, consoleQuery, invalidateConsole } from '../../api.ts';

/**
 * "Transfer to another site" (转办) for a case shown at the console: a button and its dialog
 * (the receiving site, the reason). For the console's case view; a group supervisor or
 * administrator only (the server refuses anyone else). `onDone` gets the transfer as made.
 */
export function TransferCaseButton(props: { caseId: string; number: string; onDone?: (done: CaseTransferResult) => void }) {
  const { t } = useTranslation('consoleTransfer');
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<CaseTransferResult | null>(null);
  const sites = useQuery({ ...consoleQuery('cases.transferSites', { caseId: props.caseId }), enabled: open });
  const form = useForm({ initialValues: { toSiteId: '', reason: '' } });
  const { onSubmit, error, busy } = useDeskSubmit(
    form,
    (values) =>
      consoleClient.call('cases.transfer', {
        caseId: props.caseId,
        reason: values.reason,
        // A site not chosen is left out, so the server says at the field that one is needed
        // (a 0 would be refused as "not less than 1").
        ...(values.toSiteId ? { toSiteId: Number(values.toSiteId) } : {}),
      } as ConsoleInputs['cases.transfer']),
    (result) => {
      setOpen(false);
      setDone(result);
      form.reset();
      void invalidateConsole('cases.transferSites');
      props.onDone?.(result);
    },
  );
  return (
    <>
      <Button variant="light" color="indigo" onClick={() => setOpen(true)} data-testid="console-transfer">
        {t('dialog.open')}
      </Button>
      {done && (
        <Text c="indigo" fw={600} data-testid="console-transfer-done">
          {t('dialog.done', { number: done.number, from: done.from.name, to: done.to.name })}
        </Text>
      )}
      <Modal opened={open} onClose={() => setOpen(false)} title={t('dialog.title', { number: props.number })} size="lg">
        <form onSubmit={onSubmit} noValidate>
          <Stack>
            <Text size="sm" c="dimmed">
              {t('dialog.explain')}
            </Text>
            <Select
              label={t('dialog.site')}
              placeholder={t('dialog.sitePlaceholder')}
              required
              data={(sites.data?.others ?? []).map((s) => ({ value: String(s.id), label: s.name }))}
              {...form.getInputProps('toSiteId')}
            />
            <Textarea label={t('dialog.reason')} required autosize minRows={2} {...form.getInputProps('reason')} />
            <ErrorNotice message={error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(false)}>
                {t('dialog.cancel')}
              </Button>
              <Button type="submit" loading={busy} color="indigo">
                {t('dialog.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
