import { Alert, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mayPrint } from '../../../domain/access/permissions.ts';
import type { SealVerification } from '../../../domain/api/sealViews.ts';
import { deskYearOf } from '../../../domain/seals/yearManifest.ts';
import { useSession } from '../../app/deskSession.tsx';
import { invalidate } from '../../shared/api/queries.ts';
import { deskErrorMessage } from '../../shared/errors.ts';
import { formatDateTime } from '../../shared/format.ts';
import { EmptyState } from '../../shared/ui/EmptyState.tsx';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { RowActions } from '../../shared/ui/RowActions.tsx';
import { PrintPreview } from '../printing/index.ts';
import { sealsOverviewQuery } from './queries.ts';
import { SealPanel } from './SealPanel.tsx';

/** 年度封存: each year's cases, sealing a finished year, verifying a sealed one, printing its register. */
export function SealingPage() {
  const { t, i18n } = useTranslation('privacy');
  const { client, user } = useSession();
  const overview = useQuery(sealsOverviewQuery());
  const [reviewing, setReviewing] = useState<number | null>(null);
  const [printing, setPrinting] = useState<number | null>(null);
  const [notice, setNotice] = useState<{ color: string; text: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const mayPrintRegister = mayPrint(user.roles, 'yearRegister');
  const maySeal = user.roles.includes('supervisor');
  const thisYear = deskYearOf(new Date().toISOString());

  const verify = async (year: number) => {
    setError(null);
    try {
      setNotice(verificationNotice(await client.call('seals.verify', { year }), t));
    } catch (e) {
      setError(deskErrorMessage(e));
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
      <ErrorNotice message={error ?? (overview.error ? deskErrorMessage(overview.error) : null)} />
      {overview.data?.years.length === 0 && <EmptyState>{t('seals.noYears')}</EmptyState>}
      {(overview.data?.years.length ?? 0) > 0 && (
        <Table striped withTableBorder data-testid="seal-years">
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
            {(overview.data?.years ?? []).map((y) => (
              <Table.Tr key={y.year} data-testid={`seal-year-${y.year}`}>
                <Table.Td>{y.year}</Table.Td>
                <Table.Td>{y.cases}</Table.Td>
                <Table.Td>{y.finished}</Table.Td>
                <Table.Td>
                  {y.sealed
                    ? t('seals.sealedOn', { date: formatDateTime(y.sealed.sealedAt, i18n.language), count: y.sealed.caseCount })
                    : t('seals.notSealedYet')}
                </Table.Td>
                <Table.Td>
                  <RowActions
                    actions={[
                      { label: t('seals.verify'), hidden: !y.sealed, onClick: () => void verify(y.year) },
                      { label: t('seals.print'), hidden: !y.sealed || !mayPrintRegister, onClick: () => setPrinting(y.year) },
                      {
                        label: t('seals.choose'),
                        variant: 'filled',
                        hidden: Boolean(y.sealed) || !maySeal || y.year >= thisYear,
                        onClick: () => {
                          setNotice(null);
                          setReviewing(y.year);
                        },
                      },
                    ]}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {reviewing !== null && (
        <SealPanel
          key={reviewing}
          year={reviewing}
          onSealed={(text) => {
            setReviewing(null);
            setNotice({ color: 'green', text });
            void invalidate('seals.overview', 'seals.preview', 'cases.get');
          }}
        />
      )}
      <PrintPreview request={printing === null ? null : { template: 'yearRegister', year: printing }} onClose={() => setPrinting(null)} />
    </Stack>
  );
}

function verificationNotice(result: SealVerification, t: TFunction<'privacy'>) {
  if (result.ok) return { color: 'green', text: t('seals.verifyOk', { year: result.year, count: result.cases }) };
  const problems = [
    ...(result.manifestOk ? [] : [t('seals.problem.manifest')]),
    ...(result.signatureOk ? [] : [t('seals.problem.signature')]),
    ...result.problems.slice(0, 20).map((p) => t(`seals.problem.${p.problem}`, { number: p.number })),
  ];
  return { color: 'red', text: t('seals.verifyFailed', { year: result.year, problems: problems.join(t('seals.separator')) }) };
}
