import { Button, Group, Modal, ScrollArea, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type EvidenceItem, evidenceKind } from './evidenceKinds.ts';
import { openPdf, type PdfFile } from './pdfPages.ts';

const pageWidth = 820;

/** A PDF page by page, drawn by pdf.js (no plugin, no frame). */
function PdfPages(props: { blob: Blob }) {
  const { t } = useTranslation('registration');
  const canvas = useRef<HTMLCanvasElement>(null);
  const [pdf, setPdf] = useState<PdfFile | null>(null);
  const [page, setPage] = useState(1);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let opened: PdfFile | null = null;
    let closed = false;
    props.blob
      .arrayBuffer()
      .then(openPdf)
      .then((file) => {
        opened = file;
        if (closed) file.close();
        else setPdf(file);
      })
      .catch(() => !closed && setFailed(true));
    return () => {
      closed = true;
      opened?.close();
    };
  }, [props.blob]);
  useEffect(() => {
    if (!pdf || !canvas.current) return;
    pdf.draw(page, canvas.current, pageWidth).catch(() => setFailed(true));
  }, [pdf, page]);
  if (failed) return <Text c="red">{t('evidence.pdfFailed')}</Text>;
  return (
    <Stack gap="xs" align="center">
      {pdf && pdf.pageCount > 1 && (
        <Group>
          <Button variant="default" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
            {t('evidence.previous')}
          </Button>
          <Text data-testid="pdf-page">{t('evidence.page', { n: page, count: pdf.pageCount })}</Text>
          <Button variant="default" disabled={page >= pdf.pageCount} onClick={() => setPage((p) => p + 1)}>
            {t('evidence.next')}
          </Button>
        </Group>
      )}
      {!pdf && <Text c="dimmed">{t('evidence.loading')}</Text>}
      <canvas ref={canvas} data-testid="pdf-page-canvas" style={{ boxShadow: '0 0 4px rgba(0,0,0,0.3)', background: 'white' }} />
    </Stack>
  );
}

/** The file large: an image at full size, a PDF by page, a text in full. */
export function EvidenceViewer(props: { item: EvidenceItem; blob: Blob; url: string; text: string | null; onClose: () => void }) {
  const { t } = useTranslation('registration');
  const kind = evidenceKind(props.item.mime);
  const [fullText, setFullText] = useState<string | null>(props.text);
  useEffect(() => {
    if (kind === 'text') void props.blob.slice(0, 200_000).text().then(setFullText);
  }, [kind, props.blob]);
  return (
    <Modal
      opened
      onClose={props.onClose}
      title={props.item.name}
      size={pageWidth + 60}
      closeButtonProps={{ 'aria-label': t('evidence.close') }}
    >
      <ScrollArea.Autosize mah="75vh" data-testid="evidence-viewer">
        {kind === 'image' && <img src={props.url} alt={props.item.name} style={{ maxWidth: '100%', display: 'block', margin: '0 auto' }} />}
        {kind === 'pdf' && <PdfPages blob={props.blob} />}
        {kind === 'text' && <Text style={{ whiteSpace: 'pre-wrap' }}>{fullText}</Text>}
      </ScrollArea.Autosize>
    </Modal>
  );
}
