import { Button, Checkbox, Group, NativeSelect, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ErasureGround, erasureGrounds } from '../../../domain/api/privacySchemas.ts';
import type { PersonReport } from '../../../domain/api/privacyViews.ts';
import { useSession } from '../../app/deskSession.tsx';
import { DeskCallError } from '../../shared/api/deskClient.ts';
import { invalidate } from '../../shared/api/queries.ts';
import { deskErrorMessage } from '../../shared/errors.ts';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';

/**
 * Removal ahead of retention at the person's request: the finished cases in which they are the
 * complainant, a ground the law names, a note, an explicit confirmation.
 */
export function PersonErase(props: {
  query: { phone?: string; idNumber?: string };
  report: PersonReport;
  onErased: (message: string) => void;
}) {
  const { t } = useTranslation('privacy');
  const { client } = useSession();
  const erasable = props.report.cases.filter((c) => c.erasable);
  const [chosen, setChosen] = useState<string[]>([]);
  const [ground, setGround] = useState<ErasureGround | null>(null);
  const [note, setNote] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  if (erasable.length === 0) return null;

  const erase = async () => {
    if (!ground) return;
    setBusy(true);
    setError(null);
    setFields({});
    try {
      const result = await client.call('privacy.erase', { ...props.query, caseIds: chosen, ground, note, confirm: true });
      setChosen([]);
      setConfirmed(false);
      setNote('');
      props.onErased(t('person.erase.done', { count: result.cases, files: result.files }));
      void invalidate('cases.list', 'cases.get', 'cases.board');
    } catch (e) {
      setError(deskErrorMessage(e));
      if (e instanceof DeskCallError) setFields(e.body.fields ?? {});
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="lg" data-testid="person-erase">
      <Stack>
        <Title order={2} size="h4">
          {t('person.erase.title')}
        </Title>
        <Text size="sm">{t('person.erase.intro')}</Text>
        <Checkbox.Group value={chosen} onChange={setChosen} error={fields.caseIds}>
          <Group>
            {erasable.map((c) => (
              <Checkbox key={c.id} value={c.id} label={`${c.number} ${c.subject}`} />
            ))}
          </Group>
        </Checkbox.Group>
        <NativeSelect
          label={t('person.erase.ground')}
          data={[
            { value: '', label: t('person.erase.chooseGround') },
            ...erasureGrounds.map((g) => ({ value: g, label: t(`person.erase.grounds.${g}`) })),
          ]}
          value={ground ?? ''}
          onChange={(e) => setGround(erasureGrounds.find((g) => g === e.currentTarget.value) ?? null)}
          error={fields.ground}
          w={420}
        />
        <Textarea
          label={t('person.erase.note')}
          description={t('person.erase.noteHint')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={fields.note}
          autosize
          minRows={2}
        />
        <Checkbox
          label={t('person.erase.confirm', { count: chosen.length })}
          checked={confirmed}
          onChange={(e) => setConfirmed(e.currentTarget.checked)}
        />
        <ErrorNotice message={error} />
        <Group>
          <Button
            color="red"
            disabled={!confirmed || chosen.length === 0 || !ground || note.trim() === ''}
            loading={busy}
            onClick={() => void erase()}
          >
            {t('person.erase.submit', { count: chosen.length })}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
