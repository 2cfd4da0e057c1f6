import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskInput } from '../../../domain/api/deskApi.ts';
import type { CasePrintout } from '../../../domain/api/registrationViews.ts';
import { useSession } from '../../app/deskSession.tsx';
import { DeskCallError } from '../../shared/api/deskClient.ts';
import { type HostPrintResult, hostApi } from '../../shared/api/hostApi.ts';

/** A document to print: a case's (by `caseId`), the analysis of a period, a year's register, a person's report. */
export type PrintRequest = DeskInput<'print.render'> extends infer I ? (I extends unknown ? Omit<I, 'purpose'> : never) : never;

/** The request with another slip width; only a case's documents have one. */
export function withSlipWidth(request: PrintRequest, width: '80' | '58' | null): PrintRequest {
  return 'caseId' in request && width !== null ? { ...request, slipWidth: width } : request;
}

/** What the desk tells after the host answered: sent, saved, cancelled, or sent through the dialog. */
function printNotice(result: HostPrintResult, copy: number, t: TFunction<'registration'>) {
  if (result.outcome === 'cancelled') return { color: 'gray', message: t('print.cancelled', { copy }) };
  if (result.outcome === 'savedPdf') return { color: 'green', message: t('print.savedPdf', { path: result.message ?? '' }) };
  if (result.message === 'printerMissing') return { color: 'yellow', message: t('print.printerMissing', { copy }) };
  return { color: 'green', message: t('print.sent', { copy }) };
}

/**
 * Printing a document: the core renders it and records the copy (reprints are marked and
 * counted there), then the host sends it to the printer chosen in the desk's settings.
 */
export function usePrinting() {
  const { t } = useTranslation('registration');
  const { client } = useSession();
  const [busy, setBusy] = useState(false);
  const [lastError, setLastError] = useState<string | null>(null);

  const print = useCallback(
    async (request: PrintRequest): Promise<CasePrintout | null> => {
      setBusy(true);
      setLastError(null);
      try {
        const { printing } = await client.call('settings.get', {});
        const doc = await client.call('print.render', { ...request, purpose: 'print' });
        const result = await hostApi.print(doc, { mode: printing.printMode, printer: printing.printer || null });
        if (result.outcome === 'failed') throw new Error(result.message ?? '');
        notifications.show(printNotice(result, doc.copy, t));
        return doc;
      } catch (e) {
        const message = e instanceof DeskCallError ? e.body.message : e instanceof Error ? e.message : String(e);
        setLastError(t('print.failed', { message }));
        notifications.show({ color: 'red', message: t('print.failed', { message }) });
        return null;
      } finally {
        setBusy(false);
      }
    },
    [client, t],
  );

  return { print, busy, lastError };
}
