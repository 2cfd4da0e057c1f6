import { ActionIcon, Badge, Box, Button, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DeskCallError } from '../../../shared/api/deskClient.ts';
import { EvidenceViewer } from './EvidenceViewer.tsx';
import { type EvidenceItem, evidenceKind, sizeText } from './evidenceKinds.ts';
import { openPdf } from './pdfPages.ts';

const thumbWidth = 154;
const thumbHeight = 100;

/** The item's bytes and an object URL for them, released when the tile goes. */
export function useEvidenceBytes(item: EvidenceItem, wanted: boolean) {
  const [state, setState] = useState<{ blob: Blob; url: string } | null>(null);
  const [failed, setFailed] = useState(false);
  // The core's own words for why the file cannot be had (offline, not sent yet by its desk).
  const [problem, setProblem] = useState<string | null>(null);
  const { load } = item;
  useEffect(() => {
    if (!wanted) return;
    let url: string | null = null;
    let live = true;
    load().then(
      (blob) => {
        if (!live) return;
        url = URL.createObjectURL(blob);
        setState({ blob, url });
      },
      (e: unknown) => {
        if (!live) return;
        setFailed(true);
        setProblem(e instanceof DeskCallError ? e.body.message : null);
      },
    );
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [load, wanted]);
  return { ...state, failed, problem };
}

/** The first page of a PDF, drawn small, with its page count. */
function PdfThumbnail(props: { blob: Blob; name: string }) {
  const { t } = useTranslation('registration');
  const canvas = useRef<HTMLCanvasElement>(null);
  const [pages, setPages] = useState<number | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let closed = false;
    let close = () => {};
    (async () => {
      const pdf = await openPdf(await props.blob.arrayBuffer());
      close = pdf.close;
      if (closed) return pdf.close();
      if (canvas.current) await pdf.draw(1, canvas.current, thumbWidth);
      if (!closed) setPages(pdf.pageCount);
    })().catch(() => !closed && setFailed(true));
    return () => {
      closed = true;
      close();
    };
  }, [props.blob]);
  if (failed) {
    return (
      <Text size="xs" c="dimmed" ta="center" data-testid="pdf-failed">
        {t('evidence.pdfFailed')}
      </Text>
    );
  }
  return (
    <Box pos="relative" h={thumbHeight} style={{ overflow: 'hidden' }}>
      <canvas
        ref={canvas}
        data-testid="pdf-thumbnail"
        data-pages={pages ?? undefined}
        aria-label={props.name}
        style={{ display: 'block', background: 'white' }}
      />
      {pages !== null && (
        <Badge size="sm" variant="filled" color="dark" pos="absolute" bottom={4} right={4}>
          {t('evidence.pages', { count: pages })}
        </Badge>
      )}
    </Box>
  );
}

function AudioPlayer(props: { item: EvidenceItem }) {
  const { t } = useTranslation('registration');
  const [wanted, setWanted] = useState(false);
  const bytes = useEvidenceBytes(props.item, wanted);
  const playable = typeof document !== 'undefined' && document.createElement('audio').canPlayType(props.item.mime) !== '';
  if (!playable) {
    return (
      <Text size="xs" c="dimmed" ta="center">
        {t('evidence.audioUnsupported', { type: props.item.mime })}
      </Text>
    );
  }
  if (!wanted || !bytes.url) {
    return (
      <Button
        variant="light"
        size="sm"
        loading={wanted}
        onClick={() => setWanted(true)}
        aria-label={`${t('evidence.play')} ${props.item.name}`}
      >
        ▶ {t('evidence.play')}
      </Button>
    );
  }
  // biome-ignore lint/a11y/useMediaCaption: recordings of complainants have no captions; the case's text is their record.
  return <audio controls autoPlay src={bytes.url} style={{ width: '100%' }} data-testid="audio-player" aria-label={props.item.name} />;
}

/**
 * One piece of evidence as a tile, the same on the registration form and on the case page:
 * images and the first page of a PDF as thumbnails, recordings playable, text by its first
 * lines; a click on the thumbnail opens the file large.
 */
export function EvidenceTile(props: {
  item: EvidenceItem;
  testId: string;
  /** Uploading: the preview shows, the size line says so. */
  busy?: boolean;
  error?: string | null | undefined;
  onRemove?: () => void;
}) {
  const { t } = useTranslation('registration');
  const { item } = props;
  const kind = evidenceKind(item.mime);
  const previewed = kind === 'image' || kind === 'pdf' || kind === 'text';
  const [asked, setAsked] = useState(!item.costly);
  const bytes = useEvidenceBytes(item, previewed && asked);
  const [broken, setBroken] = useState(false);
  const [text, setText] = useState<string | null>(null);
  const [viewing, setViewing] = useState(false);
  useEffect(() => {
    if (kind === 'text' && bytes.blob) void bytes.blob.slice(0, 2000).text().then(setText);
  }, [kind, bytes.blob]);

  const badge = (
    <Badge variant="light" size="lg">
      {item.name.includes('.') ? item.name.split('.').pop()?.toUpperCase() : t('evidence.kind.other')}
    </Badge>
  );
  let thumb: React.ReactNode = badge;
  const viewable = previewed && !broken && bytes.blob !== undefined;
  if (kind === 'audio') thumb = <AudioPlayer item={item} />;
  else if (bytes.problem) {
    thumb = (
      <Text size="xs" c="dimmed" ta="center" role="status" data-testid="evidence-unavailable">
        {bytes.problem}
      </Text>
    );
  } else if (!previewed || bytes.failed || broken) thumb = badge;
  else if (!asked) {
    thumb = (
      <Button variant="light" size="xs" onClick={() => setAsked(true)} aria-label={`${t('evidence.showPreview')} ${item.name}`}>
        {t('evidence.showPreview')}
      </Button>
    );
  } else if (!bytes.blob || !bytes.url) {
    thumb = (
      <Text size="xs" c="dimmed" data-testid={item.remote ? 'evidence-fetching' : undefined}>
        {item.remote ? t('evidence.fetching') : t('evidence.loading')}
      </Text>
    );
  } else if (kind === 'image') {
    thumb = (
      <img
        src={bytes.url}
        alt={item.name}
        onError={() => setBroken(true)}
        style={{ maxWidth: thumbWidth, maxHeight: thumbHeight, objectFit: 'contain', display: 'block' }}
      />
    );
  } else if (kind === 'pdf') thumb = <PdfThumbnail blob={bytes.blob} name={item.name} />;
  else if (kind === 'text') {
    thumb = (
      <Text size="xs" lineClamp={5} style={{ whiteSpace: 'pre-wrap', textAlign: 'left', width: '100%' }}>
        {text}
      </Text>
    );
  }

  return (
    <Paper withBorder p={6} w={170} data-testid={props.testId} data-kind={kind}>
      <Stack gap={4}>
        {viewable ? (
          <UnstyledButton
            onClick={() => setViewing(true)}
            aria-label={`${t('evidence.open')} ${item.name}`}
            h={thumbHeight}
            style={{ display: 'flex', alignItems: 'center', justifyContent: 'center', overflow: 'hidden' }}
          >
            {thumb}
          </UnstyledButton>
        ) : (
          <Box h={thumbHeight} style={{ display: 'flex', alignItems: 'center', justifyContent: 'center', overflow: 'hidden' }}>
            {thumb}
          </Box>
        )}
        <Text size="sm" truncate="end" title={item.name}>
          {item.name}
        </Text>
        <Group justify="space-between" gap={4} wrap="nowrap">
          <Text size="xs" c="dimmed">
            {props.busy
              ? t('form.uploading')
              : `${t(`evidence.kind.${kind}`)} · ${sizeText(item.size)}${item.remote && !bytes.blob ? ` · ${t('evidence.remote')}` : ''}`}
          </Text>
          {props.onRemove && (
            <ActionIcon variant="subtle" color="red" aria-label={`${t('form.remove')} ${item.name}`} onClick={props.onRemove}>
              ×
            </ActionIcon>
          )}
        </Group>
        {props.error && (
          <Text size="xs" c="red" role="alert">
            {props.error}
          </Text>
        )}
      </Stack>
      {viewing && bytes.blob && bytes.url && (
        <EvidenceViewer item={item} blob={bytes.blob} url={bytes.url} text={text} onClose={() => setViewing(false)} />
      )}
    </Paper>
  );
}
