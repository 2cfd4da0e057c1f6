import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { type DragEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { attachmentLimits } from '../../../../domain/api/limits.ts';
import type { AttachmentRef } from '../../../../domain/cases/events.ts';
import { useSession } from '../../../app/deskSession.tsx';
import { DeskCallError, type DeskClient } from '../../../shared/api/deskClient.ts';
import { EvidenceTile } from './EvidenceTile.tsx';
import type { EvidenceItem } from './evidenceKinds.ts';

export interface PendingFile {
  key: string;
  /** The file as previewed: the browser's type until the core has judged the bytes. */
  item: EvidenceItem;
  status: 'uploading' | 'done' | 'failed';
  ref?: AttachmentRef;
  error?: string;
}

export type PendingFilesUpdate = (update: (files: PendingFile[]) => PendingFile[]) => void;

const maxMegabytes = attachmentLimits.maxBytes / (1024 * 1024);

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/**
 * Uploads each file at once (stored by its SHA-256; nothing is recorded in a case until it is
 * saved), refusing a file over the limit before sending it; problems land on the file itself.
 */
export function uploadFiles(files: readonly File[], onChange: PendingFilesUpdate, client: DeskClient, t: TFunction): void {
  for (const file of files) {
    const key = `${file.name}-${file.size}-${Math.random().toString(36).slice(2)}`;
    const item: EvidenceItem = { key, name: file.name, mime: file.type, size: file.size, load: () => Promise.resolve(file) };
    const base: PendingFile = { key, item, status: 'uploading' };
    if (file.size > attachmentLimits.maxBytes) {
      onChange((fs) => [...fs, { ...base, status: 'failed', error: t('errors:field.fileTooLarge', { max: maxMegabytes }) }]);
      continue;
    }
    onChange((fs) => [...fs, base]);
    readBase64(file)
      .then((dataBase64) => client.call('attachments.upload', { name: file.name, mime: file.type, dataBase64 }))
      .then((ref) =>
        onChange((fs) => fs.map((f) => (f.key === key ? { ...f, item: { ...f.item, mime: ref.mime }, status: 'done', ref } : f))),
      )
      .catch((e: unknown) => {
        const error =
          e instanceof DeskCallError ? (e.body.fields?.dataBase64 ?? e.body.fields?.name ?? e.body.message) : t('common:networkError');
        onChange((fs) => fs.map((f) => (f.key === key ? { ...f, status: 'failed', error } : f)));
      });
  }
}

/** The files ready to record, and whether any is still on its way or refused. */
export function pendingState(files: readonly PendingFile[]) {
  return {
    refs: files.flatMap((f) => (f.status === 'done' && f.ref ? [f.ref] : [])),
    uploading: files.some((f) => f.status === 'uploading'),
    failed: files.some((f) => f.status === 'failed'),
  };
}

/**
 * Evidence taken from a folder (file picker) or dropped from the desktop, each file shown as
 * it will be on the case page (one preview for both), with its problem on the file itself.
 */
export function AttachmentDrop(props: {
  files: PendingFile[];
  onChange: PendingFilesUpdate;
  errors: Record<string, string>;
  /** Replaces the heading, e.g. on the case page. */
  title?: string;
}) {
  const { t } = useTranslation('registration');
  const { client } = useSession();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const { onChange } = props;

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    uploadFiles(Array.from(e.dataTransfer.files), onChange, client, t);
  };

  let doneIndex = -1;
  return (
    <Paper
      withBorder
      p="sm"
      data-testid="attachment-drop"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      style={{ borderStyle: 'dashed', borderWidth: 2, background: over ? 'var(--mantine-color-blue-0)' : undefined }}
    >
      <Stack gap="xs">
        <Group justify="space-between">
          <Stack gap={0}>
            <Text fw={600}>{props.title ?? t('form.attachments')}</Text>
            <Text size="sm" c="dimmed">
              {t('form.attachmentsHint', { max: maxMegabytes })}
            </Text>
          </Stack>
          <Button variant="light" onClick={() => input.current?.click()}>
            {t('form.chooseFiles')}
          </Button>
          <input
            ref={input}
            type="file"
            multiple
            hidden
            aria-label={t('form.chooseFiles')}
            accept="image/*,application/pdf,audio/*,text/plain"
            onChange={(e) => {
              uploadFiles(Array.from(e.target.files ?? []), onChange, client, t);
              e.target.value = '';
            }}
          />
        </Group>
        {props.errors.attachments && (
          <Text size="sm" c="red" role="alert">
            {props.errors.attachments}
          </Text>
        )}
        {props.files.length > 0 && (
          <Group gap="sm" align="flex-start">
            {props.files.map((f) => {
              if (f.status === 'done') doneIndex += 1;
              const serverError = f.status === 'done' ? props.errors[`attachments.${doneIndex}`] : undefined;
              return (
                <EvidenceTile
                  key={f.key}
                  item={f.item}
                  testId="attachment-item"
                  busy={f.status === 'uploading'}
                  error={f.error ?? serverError}
                  onRemove={() => onChange((fs) => fs.filter((x) => x.key !== f.key))}
                />
              );
            })}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
