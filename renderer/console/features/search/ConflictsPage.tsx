import { Alert, Anchor, Card, Grid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { deskErrorMessage } from '../../../shared/errors.ts';
import { ErrorNotice } from '../../../shared/ui/ErrorNotice.tsx';
import { consoleQuery } from '../../api.ts';
import { CaseLinesTable } from '../reports/CaseLinesTable.tsx';

/**
 * 冲突待裁定: the cases of every site holding an act set aside because two desks acted at once,
 * counted per site; a site's count lists its cases, a case opens with its history (the act in
 * conflict marked). Settling stays at the site's desk (its supervisor's inbox).
 */
export function ConflictsPage() {
  const { t } = useTranslation('consoleReports');
  const [params, setParams] = useSearchParams();
  const siteId = Number(params.get('site')) || undefined;
  const conflicts = useQuery(consoleQuery('cases.conflicts', siteId ? { siteId } : {}));
  const sites = conflicts.data?.sites ?? [];
  const total = sites.reduce((sum, s) => sum + s.cases, 0);
  const items = conflicts.data?.items ?? [];
  const chosen = (yes: boolean) => (yes ? { bg: 'blue.0' } : {});
  const pick = (id: number | undefined) => (
    <Anchor
      component="button"
      type="button"
      {...(id === siteId ? { fw: 700 } : {})}
      onClick={() => setParams(id ? { site: String(id) } : {})}
      data-testid={id ? `conflicts-site-${id}` : 'conflicts-all'}
    >
      {id ? (sites.find((s) => s.siteId === id)?.name ?? '') : t('conflicts.all')}
    </Anchor>
  );
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('conflicts.title')}
      </Title>
      <Alert variant="light">{t('conflicts.hint')}</Alert>
      <ErrorNotice message={conflicts.error ? deskErrorMessage(conflicts.error) : null} />
      {conflicts.data && total === 0 ? (
        <Card withBorder>
          <Text c="dimmed">{t('conflicts.empty')}</Text>
        </Card>
      ) : (
        conflicts.data && (
          <Grid>
            <Grid.Col span={{ base: 12, md: 3 }}>
              <Card withBorder>
                <Table data-testid="conflict-sites">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('columns.site')}</Table.Th>
                      <Table.Th ta="right">{t('columns.cases')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {sites.map((s) => (
                      <Table.Tr key={s.siteId} {...chosen(s.siteId === siteId)}>
                        <Table.Td>{pick(s.siteId)}</Table.Td>
                        <Table.Td ta="right">{t('conflicts.count', { count: s.cases })}</Table.Td>
                      </Table.Tr>
                    ))}
                    <Table.Tr {...chosen(siteId === undefined)}>
                      <Table.Td>{pick(undefined)}</Table.Td>
                      <Table.Td ta="right">{t('conflicts.count', { count: total })}</Table.Td>
                    </Table.Tr>
                  </Table.Tbody>
                </Table>
              </Card>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 9 }}>
              <Card withBorder>
                {items.length === 0 ? <Text c="dimmed">{t('conflicts.emptySite')}</Text> : <CaseLinesTable items={items} />}
              </Card>
            </Grid.Col>
          </Grid>
        )
      )}
    </Stack>
  );
}
