import { ActionIcon, Badge, Button, Group, Image, Paper, Stack, Text } from '@mantine/core';
import { type DragEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { attachmentLimits } from '../../domain/api/limits.ts';
import type { AttachmentRef } from '../../domain/cases/events.ts';
import { DeskCallError } from '../api/deskClient.ts';
import { useSession } from '../app/deskSession.tsx';

export interface PendingFile {
  key: string;
  name: string;
  size: number;
  previewUrl: string | null;
  status: 'uploading' | 'done' | 'failed';
  ref?: AttachmentRef;
  error?: string;
}

const maxMegabytes = attachmentLimits.maxBytes / (1024 * 1024);

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`);

/**
 * Evidence taken from a folder (file picker) or dropped from the desktop. Each file is
 * uploaded at once (stored by its SHA-256; nothing is recorded until the case is saved), with
 * its problem shown on the file itself.
 */
export function AttachmentDrop(props: {
  files: PendingFile[];
  onChange: (update: (files: PendingFile[]) => PendingFile[]) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation('registration');
  const { client } = useSession();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const { onChange } = props;

  // Object URLs of previews are released when the list drops them.
  const urls = useRef(new Set<string>());
  useEffect(() => {
    const live = new Set(props.files.map((f) => f.previewUrl).filter((u): u is string => u !== null));
    for (const u of urls.current) if (!live.has(u)) URL.revokeObjectURL(u);
    urls.current = live;
  }, [props.files]);

  const add = (list: FileList | null) => {
    for (const file of Array.from(list ?? [])) {
      const key = `${file.name}-${file.size}-${Math.random().toString(36).slice(2)}`;
      const previewUrl = file.type.startsWith('image/') ? URL.createObjectURL(file) : null;
      const base: PendingFile = { key, name: file.name, size: file.size, previewUrl, status: 'uploading' };
      if (file.size > attachmentLimits.maxBytes) {
        onChange((fs) => [...fs, { ...base, status: 'failed', error: t('errors:field.fileTooLarge', { max: maxMegabytes }) }]);
        continue;
      }
      onChange((fs) => [...fs, base]);
      readBase64(file)
        .then((dataBase64) => client.call('attachments.upload', { name: file.name, mime: file.type, dataBase64 }))
        .then((ref) => onChange((fs) => fs.map((f) => (f.key === key ? { ...f, status: 'done', ref } : f))))
        .catch((e: unknown) => {
          const error =
            e instanceof DeskCallError ? (e.body.fields?.dataBase64 ?? e.body.fields?.name ?? e.body.message) : t('common:networkError');
          onChange((fs) => fs.map((f) => (f.key === key ? { ...f, status: 'failed', error } : f)));
        });
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    add(e.dataTransfer.files);
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
            <Text fw={600}>{t('form.attachments')}</Text>
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
              add(e.target.files);
              e.target.value = '';
            }}
          />
        </Group>
        {props.files.length > 0 && (
          <Group gap="sm" align="flex-start">
            {props.files.map((f) => {
              if (f.status === 'done') doneIndex += 1;
              const serverError = f.status === 'done' ? props.errors[`attachments.${doneIndex}`] : undefined;
              const error = f.error ?? serverError;
              return (
                <Paper key={f.key} withBorder p={6} w={170} data-testid="attachment-item">
                  <Stack gap={4}>
                    {f.previewUrl ? (
                      <Image src={f.previewUrl} alt={f.name} h={90} fit="contain" />
                    ) : (
                      <Badge variant="light" size="lg">
                        {f.name.split('.').pop()?.toUpperCase() ?? '?'}
                      </Badge>
                    )}
                    <Text size="sm" truncate="end" title={f.name}>
                      {f.name}
                    </Text>
                    <Group justify="space-between" gap={4}>
                      <Text size="xs" c="dimmed">
                        {f.status === 'uploading' ? t('form.uploading') : sizeText(f.size)}
                      </Text>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`${t('form.remove')} ${f.name}`}
                        onClick={() => onChange((fs) => fs.filter((x) => x.key !== f.key))}
                      >
                        ×
                      </ActionIcon>
                    </Group>
                    {error && (
                      <Text size="xs" c="red" role="alert">
                        {error}
                      </Text>
                    )}
                  </Stack>
                </Paper>
              );
            })}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
