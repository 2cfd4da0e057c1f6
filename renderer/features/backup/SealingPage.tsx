import { Alert, Button, Checkbox, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SealPreview, SealVerification, SealYearSummary } from '../../../domain/api/sealViews.ts';
import { useSession } from '../../app/deskSession.tsx';
import { DeskCallError } from '../../shared/api/deskClient.ts';
import { hostApi } from '../../shared/api/hostApi.ts';
import { formatDateTime } from '../../shared/format.ts';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';

/** 年度封存: each year's cases, sealing a finished year, verifying a sealed one, printing its register. */
export function SealingPage() {
  const { t, i18n } = useTranslation('backup');
  const { client, user } = useSession();
  const [years, setYears] = useState<SealYearSummary[] | null>(null);
  const [preview, setPreview] = useState<SealPreview | null>(null);
  const [notice, setNotice] = useState<{ color: string; text: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const mayPrint = user.roles.some((r) => r === 'supervisor' || r === 'director' || r === 'admin');
  const maySeal = user.roles.includes('supervisor');
  const thisYear = new Date().getFullYear();

  const load = useCallback(async () => setYears((await client.call('seals.overview', {})).years), [client]);
  useEffect(() => {
    void load();
  }, [load]);

  const failed = (e: unknown) => setError(e instanceof DeskCallError ? e.body.message : t('common:networkError'));

  const verify = async (year: number) => {
    setError(null);
    try {
      const result = await client.call('seals.verify', { year });
      setNotice(verificationNotice(result, t));
    } catch (e) {
      failed(e);
    }
  };

  const print = async (year: number) => {
    setError(null);
    try {
      const doc = await client.call('seals.register', { year });
      await hostApi.print({ ...doc, copy: 1, reprint: false, printedBefore: 0 }, { mode: 'dialog', printer: null });
    } catch (e) {
      failed(e);
    }
  };

  const review = async (year: number) => {
    setError(null);
    setNotice(null);
    try {
      setPreview(await client.call('seals.preview', { year }));
    } catch (e) {
      failed(e);
    }
  };

  return (
    <Stack gap="lg" maw={1100}>
      <Title order={1} size="h2">
        {t('seals.title')}
      </Title>
      <Text>{t('seals.intro')}</Text>
      {notice && (
        <Alert color={notice.color} role="status" data-testid="seal-notice">
          {notice.text}
        </Alert>
      )}
      <ErrorNotice message={error} />
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('seals.year')}</Table.Th>
            <Table.Th>{t('seals.cases')}</Table.Th>
            <Table.Th>{t('seals.finished')}</Table.Th>
            <Table.Th>{t('seals.state')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(years ?? []).map((y) => (
            <Table.Tr key={y.year}>
              <Table.Td>{y.year}</Table.Td>
              <Table.Td>{y.cases}</Table.Td>
              <Table.Td>{y.finished}</Table.Td>
              <Table.Td>
                {y.sealed
                  ? t('seals.sealedOn', { date: formatDateTime(y.sealed.sealedAt, i18n.language), count: y.sealed.caseCount })
                  : t('seals.notSealedYet')}
              </Table.Td>
              <Table.Td>
                <Group gap="xs" justify="flex-end">
                  {y.sealed ? (
                    <>
                      <Button size="xs" variant="default" onClick={() => void verify(y.year)}>
                        {t('seals.verify')}
                      </Button>
                      {mayPrint && (
                        <Button size="xs" variant="default" onClick={() => void print(y.year)}>
                          {t('seals.print')}
                        </Button>
                      )}
                    </>
                  ) : (
                    maySeal &&
                    y.year < thisYear && (
                      <Button size="xs" onClick={() => void review(y.year)}>
                        {t('seals.choose')}
                      </Button>
                    )
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {preview && !preview.sealed && (
        <SealPanel
          preview={preview}
          onSealed={(text) => {
            setPreview(null);
            setNotice({ color: 'green', text });
            void load();
          }}
        />
      )}
    </Stack>
  );
}

function verificationNotice(result: SealVerification, t: TFunction<'backup'>) {
  if (result.ok) return { color: 'green', text: t('seals.verifyOk', { year: result.year, count: result.cases }) };
  const problems = [
    ...(result.manifestOk ? [] : [t('seals.problem.manifest')]),
    ...(result.signatureOk ? [] : [t('seals.problem.signature')]),
    ...result.problems.slice(0, 20).map((p) => t(`seals.problem.${p.problem}`, { number: p.number })),
  ];
  return { color: 'red', text: t('seals.verifyFailed', { year: result.year, problems: problems.join(t('seals.separator')) }) };
}

/** The year under review: its open cases to carry over, the confirmation, and the seal. */
function SealPanel(props: { preview: SealPreview; onSealed: (text: string) => void }) {
  const { t } = useTranslation('backup');
  const { client } = useSession();
  const { preview } = props;
  const [carry, setCarry] = useState<Set<string>>(new Set());
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const toSeal = preview.finished;

  const seal = async () => {
    setBusy(true);
    setError(null);
    setFieldError(null);
    try {
      const result = await client.call('seals.seal', { year: preview.year, carryOver: [...carry], confirm: true });
      props.onSealed(t('seals.sealed', { year: result.year, count: result.caseCount, carried: result.carriedOver }));
    } catch (e) {
      if (e instanceof DeskCallError) {
        setFieldError(e.body.fields?.carryOver ?? e.body.fields?.year ?? null);
        setError(e.body.fields ? null : e.body.message);
      } else setError(t('common:networkError'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="lg">
      <Stack>
        <Title order={2} size="h4">
          {t('seals.openTitle', { year: preview.year, count: preview.open.length })}
        </Title>
        {preview.open.length === 0 ? (
          <Text>{t('seals.noOpen', { year: preview.year })}</Text>
        ) : (
          <Stack gap={4}>
            {preview.open.map((c) => (
              <Checkbox
                key={c.id}
                label={`${c.number} · ${c.subject} · ${t(`cases:statuses.${c.status}`)} · ${t('seals.carry')}`}
                checked={carry.has(c.id)}
                onChange={(e) => {
                  const next = new Set(carry);
                  if (e.currentTarget.checked) next.add(c.id);
                  else next.delete(c.id);
                  setCarry(next);
                }}
              />
            ))}
          </Stack>
        )}
        {fieldError && (
          <Alert color="red" data-testid="seal-field-error">
            {fieldError}
          </Alert>
        )}
        <ErrorNotice message={error} />
        <Checkbox
          label={t('seals.confirm', { count: toSeal })}
          checked={confirmed}
          onChange={(e) => setConfirmed(e.currentTarget.checked)}
        />
        <Group>
          <Button color="orange" disabled={!confirmed} loading={busy} onClick={() => void seal()}>
            {t('seals.seal', { year: preview.year })}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
