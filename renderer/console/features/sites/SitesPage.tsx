import { Badge, Button, Group, Stack, Table, Title, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IssuedCode, SiteView } from '../../../../domain/console/siteViews.ts';
import { deskErrorMessage } from '../../../shared/errors.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { EmptyState } from '../../../shared/ui/EmptyState.tsx';
import { ErrorNotice } from '../../../shared/ui/ErrorNotice.tsx';
import { RowActions } from '../../../shared/ui/RowActions.tsx';
import { consoleClient, consoleQuery, invalidateConsole } from '../../api.ts';
import { type Confirmation, ConfirmModal } from '../../ConfirmModal.tsx';
import { DesksTable } from './DesksTable.tsx';
import { IssuedCodeModal, SiteFormModal } from './SiteForms.tsx';

/** The group administrator's sites: add one, give a desk of it an enrolment code, see every desk. */
export function SitesPage() {
  const { t, i18n } = useTranslation('console');
  const sites = useQuery(consoleQuery('sites.list', {}));
  const codes = useQuery(consoleQuery('sites.codes', {}));
  const [editing, setEditing] = useState<SiteView | 'new' | null>(null);
  const [issued, setIssued] = useState<{ code: IssuedCode; siteName: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<Confirmation | null>(null);

  async function issue(site: SiteView) {
    setError(null);
    try {
      const code = await consoleClient.call('sites.issueCode', { siteId: site.id });
      setIssued({ code, siteName: site.name });
      void invalidateConsole('sites.codes');
    } catch (e) {
      setError(deskErrorMessage(e));
    }
  }

  function revokeCode(codeId: string) {
    setConfirming({
      title: t('codes.revokeTitle'),
      body: t('codes.revokeBody', { code: codeId.slice(0, 6) }),
      confirm: t('codes.revoke'),
      run: () =>
        consoleClient
          .call('sites.revokeCode', { codeId })
          .then(() => invalidateConsole('sites.codes'))
          .catch((e: unknown) => setError(deskErrorMessage(e))),
    });
  }

  const openCodes = (codes.data?.items ?? []).filter((c) => c.state === 'open');
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('sites.title')}
        </Title>
        <Button onClick={() => setEditing('new')}>{t('sites.add')}</Button>
      </Group>
      <ErrorNotice message={error ?? (sites.error ? deskErrorMessage(sites.error) : null)} />
      {sites.data && sites.data.items.length === 0 && <EmptyState>{t('sites.empty')}</EmptyState>}
      {sites.data && sites.data.items.length > 0 && (
        <Table striped highlightOnHover data-testid="sites-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sites.name')}</Table.Th>
              <Table.Th>{t('sites.volume')}</Table.Th>
              <Table.Th>{t('sites.desks')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sites.data.items.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>{s.name}</Table.Td>
                <Table.Td>
                  {s.volume
                    ? t(`sites.volumeOf.${s.volume.unit}`, { count: s.volume.perMonth, n: s.volume.perMonth.toLocaleString(i18n.language) })
                    : t('sites.noVolume')}
                </Table.Td>
                <Table.Td>{t('sites.deskCount', { active: s.activeDesks, all: s.desks })}</Table.Td>
                <Table.Td>
                  <RowActions
                    actions={[
                      { label: t('codes.issue'), onClick: () => void issue(s), variant: 'light' },
                      { label: t('edit'), onClick: () => setEditing(s) },
                    ]}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Title order={2} size="h3">
        {t('codes.title')}
      </Title>
      {openCodes.length === 0 ? (
        <EmptyState testId="codes-empty">{t('codes.empty')}</EmptyState>
      ) : (
        <Table data-testid="codes-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('codes.site')}</Table.Th>
              <Table.Th>{t('codes.id')}</Table.Th>
              <Table.Th>{t('codes.issuedAt')}</Table.Th>
              <Table.Th>{t('codes.expiresAt')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {openCodes.map((c) => (
              <Table.Tr key={c.codeId}>
                <Table.Td>{c.siteName}</Table.Td>
                <Table.Td>
                  <Tooltip label={t('codes.idHelp')}>
                    <Badge variant="outline" ff="monospace">
                      {c.codeId.slice(0, 6)}
                    </Badge>
                  </Tooltip>
                </Table.Td>
                <Table.Td>{formatDateTime(c.createdAt, i18n.language)}</Table.Td>
                <Table.Td>{formatDateTime(c.expiresAt, i18n.language)}</Table.Td>
                <Table.Td>
                  <RowActions
                    actions={[{ label: t('codes.revoke'), onClick: () => revokeCode(c.codeId), color: 'red', variant: 'light' }]}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Title order={2} size="h3">
        {t('desks.title')}
      </Title>
      <DesksTable onError={setError} onConfirm={setConfirming} />
      {editing && <SiteFormModal site={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      <ConfirmModal confirmation={confirming} onClose={() => setConfirming(null)} />
      {issued && <IssuedCodeModal issued={issued.code} siteName={issued.siteName} onClose={() => setIssued(null)} />}
    </Stack>
  );
}
