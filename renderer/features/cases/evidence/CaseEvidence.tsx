import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type DragEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../domain/api/views.ts';
import { useSession } from '../../../app/deskSession.tsx';
import { DeskCallError } from '../../../shared/api/deskClient.ts';
import { EmptyState } from '../../../shared/ui/EmptyState.tsx';
import { AttachmentDrop, type PendingFile, pendingState, uploadFiles } from './AttachmentDrop.tsx';
import { EvidenceTile } from './EvidenceTile.tsx';
import { autoPreviewBytes, base64Blob, type EvidenceItem } from './evidenceKinds.ts';

/**
 * The case's evidence, previewed as on the registration form, and more of it added later
 * (a letter that arrives after the visit, a recording, photos of the repair) by whoever may
 * write a note on the case: the core refuses the others and archived cases alike.
 */
export function CaseEvidence(props: { detail: CaseDetail; onChanged: (c: CaseDetail) => void }) {
  const { t } = useTranslation('registration');
  const { client } = useSession();
  const d = props.detail;
  const stored = d.intake.attachments;
  const mayAdd = d.allowedActions.includes('note');
  const [adding, setAdding] = useState(false);
  const [files, setFiles] = useState<PendingFile[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const items = useMemo<EvidenceItem[]>(
    () =>
      (stored ?? []).map((a) => ({
        key: a.sha256,
        name: a.name,
        mime: a.mime,
        size: a.size,
        costly: a.size > autoPreviewBytes,
        remote: d.remoteEvidence?.includes(a.sha256) ?? false,
        load: () => client.call('attachments.get', { caseId: d.id, sha256: a.sha256 }).then((f) => base64Blob(f.dataBase64, f.mime)),
      })),
    [client, d.id, stored, d.remoteEvidence],
  );

  if (!mayAdd && items.length === 0) return null;

  const close = () => {
    setAdding(false);
    setFiles([]);
    setErrors({});
    setProblem(null);
  };

  const save = async () => {
    const { refs, uploading, failed } = pendingState(files);
    setErrors({});
    if (uploading) return setProblem(t('evidence.waitUploads'));
    if (failed) return setProblem(t('evidence.removeFailed'));
    if (refs.length === 0) return setProblem(t('evidence.nothingNew'));
    setProblem(null);
    setSaving(true);
    try {
      const updated = await client.call('attachments.add', { caseId: d.id, attachments: refs });
      notifications.show({ color: 'green', message: t('evidence.added', { count: refs.length }) });
      close();
      props.onChanged(updated);
    } catch (e) {
      if (e instanceof DeskCallError) {
        setErrors(e.body.fields ?? {});
        setProblem(e.body.message);
      } else setProblem(t('common:networkError'));
    } finally {
      setSaving(false);
    }
  };

  // Files dropped on the card start an addition at once, as the picker would.
  const onDrop = (e: DragEvent) => {
    if (!mayAdd || adding) return;
    e.preventDefault();
    setAdding(true);
    uploadFiles(Array.from(e.dataTransfer.files), setFiles, client, t);
  };

  return (
    <Card withBorder data-testid="case-evidence" onDragOver={(e) => mayAdd && !adding && e.preventDefault()} onDrop={onDrop}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('evidence.title')} ({items.length})
          </Title>
          {mayAdd && !adding && (
            <Button variant="light" onClick={() => setAdding(true)}>
              {t('evidence.add')}
            </Button>
          )}
        </Group>
        {items.length > 0 ? (
          <Group gap="sm" align="flex-start">
            {items.map((item) => (
              <EvidenceTile key={item.key} item={item} testId="case-attachment" />
            ))}
          </Group>
        ) : (
          <EmptyState>{t('evidence.none')}</EmptyState>
        )}
        {adding && (
          <Stack gap="xs" data-testid="add-evidence">
            <AttachmentDrop files={files} onChange={setFiles} errors={errors} title={t('evidence.addTitle', { number: d.number })} />
            <Text size="sm" c="dimmed">
              {t('evidence.addHint')}
            </Text>
            {problem && (
              <Text c="red" role="alert">
                {problem}
              </Text>
            )}
            <Group>
              <Button onClick={save} loading={saving}>
                {t('evidence.save')}
              </Button>
              <Button variant="default" onClick={close} disabled={saving}>
                {t('evidence.cancel')}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
