import { Anchor, Button, Group, Stack, Table, Text, TextInput, Title, useMantineTheme } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { mayCall } from '../../../domain/access/permissions.ts';
import { useSession } from '../../app/deskSession.tsx';
import { deskErrorMessage } from '../../shared/errors.ts';
import { formatDateTime } from '../../shared/format.ts';
import { EmptyState } from '../../shared/ui/EmptyState.tsx';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { PlainBadge } from '../../shared/ui/PlainBadge.tsx';
import { StillSegmentedControl } from '../../shared/ui/StillSegmentedControl.tsx';
import { settingsQuery } from '../settings/index.ts';
import { CaseListFilters, filtersFromUrl } from './CaseListFilters.tsx';
import './caseList.css';
import { PlainDeadlineBadges } from './deadlines/DeadlineBadge.tsx';
import { caseListQuery } from './queries.ts';
import { statusLabel } from './statusLabel.ts';

const td = `${Table.classes.td} mantine-Table-td`;

export function CaseListPage() {
  const { t, i18n } = useTranslation('cases');
  const { t: tDeadlines } = useTranslation('deadlines');
  const theme = useMantineTheme();
  const { user } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  // Filters arrive in the URL (a chart on the dashboard links here); the search box adds to them.
  const filters = filtersFromUrl(params);
  const [q, setQ] = useState(params.get('q') ?? '');
  const [query] = useDebouncedValue(q.trim(), 250);
  // Deadline filter: all cases, overdue ones, or those due within the "warn ahead" days.
  const [due, setDue] = useState<'all' | 'overdue' | 'dueSoon'>('all');
  const settings = useQuery(settingsQuery());
  const dueSoonDays = settings.data?.deadlines.dueSoonWorkingDays ?? 1;
  const dueFilter = due === 'overdue' ? { overdue: true } : due === 'dueSoon' ? { dueWithinDays: dueSoonDays } : {};
  const list = useInfiniteQuery(caseListQuery({ ...filters, ...dueFilter, ...(query ? { q: query } : {}) }));
  const items = list.data?.pages.flatMap((p) => p.items) ?? null;
  // An empty list under a filter says so, not "no cases yet".
  const filtered = due !== 'all' || Object.values(filters).some((v) => v !== undefined);
  const failure = list.error ?? settings.error;
  const error = failure ? deskErrorMessage(failure) : null;

  return (
    <Stack>
      <Title order={1} size="h2">
        {t('list.title')}
      </Title>
      <CaseListFilters params={params} />
      <TextInput
        type="search"
        aria-label={t('common:search')}
        placeholder={t('list.searchPlaceholder')}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        size="md"
      />
      <StillSegmentedControl
        aria-label={t('deadlines:list.filter')}
        w="fit-content"
        value={due}
        onChange={setDue}
        data={[
          { value: 'all', label: t('deadlines:list.all') },
          { value: 'overdue', label: t('deadlines:alert.overdue') },
          { value: 'dueSoon', label: t('deadlines:alert.dueSoon') },
        ]}
      />
      <ErrorNotice message={error} />
      {items && items.length === 0 && (
        <EmptyState testId="list-empty">
          {query
            ? t('list.noMatch', { q: query })
            : filtered
              ? t('list.noneFiltered')
              : t(mayCall(user.roles, 'cases.register') ? 'list.empty' : 'list.emptyForReaders')}
        </EmptyState>
      )}
      {items && items.length > 0 && (
        <Table highlightOnHover striped verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('list.number')}</Table.Th>
              <Table.Th>{t('list.receivedAt')}</Table.Th>
              <Table.Th>{t('list.complainant')}</Table.Th>
              <Table.Th>{t('list.subject')}</Table.Th>
              <Table.Th>{t('list.status')}</Table.Th>
              <Table.Th>{t('list.deadline')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((c) => (
              // Plain rows with Mantine's classes, as the striped, hovered table draws them: a page
              // of fifty rows through Table.Tr, Anchor and Badge was most of the list's first render.
              <tr
                key={c.id}
                className={`${Table.classes.tr} mantine-Table-tr`}
                data-with-row-border
                data-striped="odd"
                data-hover
                onClick={() => navigate(`/cases/${c.id}`)}
                style={{ cursor: 'pointer' }}
              >
                <td className={td}>
                  <Link
                    to={`/cases/${c.id}`}
                    className={`mantine-focus-auto ${Anchor.classes.root} ${Text.classes.root} mantine-Text-root mantine-Anchor-root desk-case-number`}
                    data-underline="hover"
                  >
                    {c.number}
                  </Link>
                </td>
                <td className={td}>{formatDateTime(c.receivedAt, i18n.language)}</td>
                <td className={td}>{c.complainantName}</td>
                <td className={td}>{c.subject}</td>
                <td className={td}>
                  <PlainBadge words={statusLabel(c, t)} color="blue" variant="light" size="md" theme={theme} wrap />
                </td>
                <td className={td}>
                  {/* The clock the case works towards now, named, with its own date; longer words (English) wrap rather than run off the page. */}
                  <PlainDeadlineBadges summary={c} t={tDeadlines} language={i18n.language} theme={theme} withDate size="md" wrap />
                </td>
              </tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {list.hasNextPage && (
        <Group justify="center">
          <Button variant="default" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {t('list.more')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
