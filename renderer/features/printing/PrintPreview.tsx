import { Alert, Button, Group, Loader, Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deskErrorMessage } from '../../shared/errors.ts';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { previewQuery } from './queries.ts';
import { type PrintRequest, usePrinting, withSlipWidth } from './usePrinting.tsx';

/** Screen pixels per millimetre at 96 dpi, to size the preview like the paper. */
const pxPerMm = 96 / 25.4;

/**
 * Print preview: the core's HTML in a sandboxed frame (srcdoc, no scripts: the app's CSP
 * holds), the paper width for slips, and the Print button that records the copy.
 */
export function PrintPreview(props: { request: PrintRequest | null; onClose: () => void }) {
  const { t } = useTranslation('registration');
  const [width, setWidth] = useState<'80' | '58' | null>(null);
  const printing = usePrinting();
  const request = props.request;
  const preview = useQuery(previewQuery(request ? withSlipWidth(request, width) : null));
  const doc = preview.data ?? null;
  const error = preview.error ? deskErrorMessage(preview.error) : null;

  const isSlip = request?.template === 'slip';
  const slipWidth = request && 'caseId' in request ? request.slipWidth : undefined;
  const paperMm = doc ? doc.pageSize.widthMicrons / 1000 : 210;
  const frameWidth = Math.round(paperMm * pxPerMm) + 24;

  return (
    <Modal
      opened={request !== null}
      onClose={props.onClose}
      title={doc?.title ?? t('print.preview')}
      size={isSlip ? 'auto' : 900}
      centered
      data-testid="print-preview"
    >
      <Stack>
        {isSlip && (
          <Group>
            <Text>{t('print.width')}</Text>
            <SegmentedControl
              value={width ?? slipWidth ?? (doc && doc.pageSize.widthMicrons === 58_000 ? '58' : '80')}
              onChange={(v) => setWidth(v === '58' ? '58' : '80')}
              data={[
                { value: '80', label: t('print.w80') },
                { value: '58', label: t('print.w58') },
              ]}
            />
          </Group>
        )}
        <ErrorNotice message={error ?? printing.lastError} />
        {doc && doc.printedBefore > 0 && (
          <Alert color="yellow" variant="light">
            {t('print.printedBefore', { count: doc.printedBefore })} · {t('print.reprint')}
          </Alert>
        )}
        {doc ? (
          <iframe
            title={doc.title}
            srcDoc={doc.html}
            sandbox="allow-same-origin"
            data-testid="print-frame"
            style={{
              width: Math.min(frameWidth, 860),
              // The Print button stays on a 768-pixel-high screen without scrolling the dialog: the
              // dialog's margins, title, paper-width row, notices and buttons take about 340 pixels.
              height: `min(${isSlip ? 560 : 620}px, calc(100dvh - ${(isSlip ? 340 : 290) + (doc.printedBefore > 0 ? 60 : 0)}px))`,
              border: '1px solid var(--mantine-color-gray-4)',
              background: '#fff',
            }}
          />
        ) : (
          !error && <Loader />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('print.close')}
          </Button>
          <Button
            loading={printing.busy}
            disabled={!doc}
            onClick={async () => {
              if (!request) return;
              const printed = await printing.print(withSlipWidth(request, width));
              if (printed) props.onClose();
            }}
          >
            {t('print.print')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
