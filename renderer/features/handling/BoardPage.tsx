import { Anchor, Badge, Card, Group, type MantineTheme, Paper, Stack, Text, Title, UnstyledButton, useMantineTheme } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { CaseSummary } from '../../../domain/api/views.ts';
import { type CaseStatus, type Severity, severities } from '../../../domain/cases/vocabulary.ts';
import { type Directory, useDirectory } from '../../shared/directory.ts';
import { deskErrorMessage } from '../../shared/errors.ts';
import { EmptyState } from '../../shared/ui/EmptyState.tsx';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { PlainBadge } from '../../shared/ui/PlainBadge.tsx';
import { PlainDeadlineBadges } from '../cases/index.ts';
import './board.css';
import { StillSegmentedControl } from '../../shared/ui/StillSegmentedControl.tsx';
import { BoardFilters, type BoardFilterValues, emptyFilters, filterInput } from './BoardFilters.tsx';
import { CaseVirtualList } from './CaseVirtualList.tsx';
import { boardQuery } from './queries.ts';

/** 看板: open cases in columns by state, the most pressing deadline on top; or every case as a list. */
export function BoardPage() {
  const { t } = useTranslation('handling');
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'list' ? 'list' : 'board';
  const directory = useDirectory();
  const [filters, setFilters] = useState<BoardFilterValues>(emptyFilters);
  const [query] = useDebouncedValue(filters.q.trim(), 250);
  const input = filterInput(filters, query);
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('board.title')}
        </Title>
        <StillSegmentedControl
          value={view}
          onChange={(v) => setParams(v === 'list' ? { view: 'list' } : {})}
          data={[
            { value: 'board', label: t('board.columnsView') },
            { value: 'list', label: t('board.listView') },
          ]}
        />
      </Group>
      <ErrorNotice message={directory.error} />
      <BoardFilters value={filters} onChange={setFilters} directory={directory} withSort={view === 'list'} />
      {view === 'board' ? (
        <BoardColumns
          input={input}
          filtered={JSON.stringify({ ...filters, sort: emptyFilters.sort }) !== JSON.stringify(emptyFilters)}
          directory={directory}
          onShowAll={(status) => {
            setFilters({ ...filters, status, sort: 'due' });
            setParams({ view: 'list' });
          }}
        />
      ) : (
        <CaseVirtualList input={{ ...input, sort: filters.sort }} directory={directory} />
      )}
    </Stack>
  );
}

function BoardColumns(props: {
  input: ReturnType<typeof filterInput>;
  filtered: boolean;
  directory: Directory;
  onShowAll: (status: CaseStatus) => void;
}) {
  const { t, i18n } = useTranslation('handling');
  const { t: tDeadlines } = useTranslation('deadlines');
  const theme = useMantineTheme();
  const navigate = useNavigate();
  const context = useMemo<CardContext>(
    () => ({
      t,
      tDeadlines,
      language: i18n.language,
      theme,
      open: (id) => navigate(`/cases/${id}`),
      // Words many cards repeat, looked up once rather than once per card.
      labels: {
        severity: Object.fromEntries(severities.map((s) => [s, t(`cases:severities.${s}`)])) as Record<Severity, string>,
        escalated: t('escalated'),
        approved: t('proposalStates.approved'),
      },
    }),
    [t, tDeadlines, i18n.language, theme, navigate],
  );
  const board = useQuery(boardQuery(props.input));
  const columns = board.data?.columns;
  const error = board.error ? deskErrorMessage(board.error) : null;
  if (error) return <ErrorNotice message={error} />;
  if (!columns) return <Text>{t('common:loading')}</Text>;
  const total = columns.reduce((n, c) => n + c.count, 0);
  return (
    <Stack gap="xs">
      {total === 0 && <EmptyState>{t(props.filtered ? 'board.emptyFiltered' : 'board.empty')}</EmptyState>}
      <div style={{ display: 'grid', gridTemplateColumns: `repeat(${columns.length}, minmax(0, 1fr))`, gap: 10 }}>
        {columns.map((c) => (
          <Stack key={c.status} gap={6} data-testid={`column-${c.status}`}>
            <Group justify="space-between" wrap="nowrap" px={4}>
              <Text fw={700} size="sm" lineClamp={1}>
                {t(`columns.${c.status}`)}
              </Text>
              <Badge variant="light" data-testid={`count-${c.status}`}>
                {c.count}
              </Badge>
            </Group>
            <div className="desk-board-column">
              <Stack gap={6}>
                {/* An empty column says what brings a case into it, so a blank one is not taken for a fault. */}
                {c.count === 0 && total > 0 && (
                  <Text size="sm" c="dimmed" px={4}>
                    {t(`board.columnEmpty.${c.status}`)}
                  </Text>
                )}
                {c.cards.map((card) => (
                  <BoardCard
                    key={card.id}
                    card={card}
                    departmentName={props.directory.departmentName(card.departmentId)}
                    context={context}
                  />
                ))}
                {c.count > c.cards.length && (
                  <Anchor size="sm" ta="center" component="button" onClick={() => props.onShowAll(c.status)}>
                    {t('board.more', { count: c.count - c.cards.length })}
                  </Anchor>
                )}
              </Stack>
            </div>
          </Stack>
        ))}
      </div>
    </Stack>
  );
}

/** What every card of a board says the same way: the words, the theme, where a click goes. */
interface CardContext {
  t: TFunction<'handling'>;
  tDeadlines: TFunction<'deadlines'>;
  language: string;
  theme: MantineTheme;
  open: (id: string) => void;
  labels: { severity: Record<Severity, string>; escalated: string; approved: string };
}

/**
 * One case on the board. Plain elements with Mantine's classes rather than Mantine's components
 * (Card, Text, Group, Badge): a board draws 150 cards at once, and building each through the
 * components was most of the board's first render after a reload. Memoised: on a reload the
 * directory's three lists arrive one after another, each re-rendering the board; a card whose case
 * and department name are unchanged is not rendered again.
 */
const BoardCard = memo(function BoardCard(props: { card: CaseSummary; departmentName: string; context: CardContext }) {
  const { t, tDeadlines, language, theme, open, labels } = props.context;
  const c = props.card;
  const approved = c.proposalState === 'approved' && c.status === 'awaiting_approval';
  return (
    // Named by what it shows (number, deadline, subject, who), as a screen reader and speech input expect.
    <button
      type="button"
      className={`mantine-focus-auto ${UnstyledButton.classes.root} mantine-UnstyledButton-root desk-board-open`}
      onClick={() => open(c.id)}
    >
      <div
        className={`${Card.classes.root} mantine-Card-root ${Paper.classes.root} mantine-Paper-root desk-board-card`}
        data-with-border="true"
        data-orientation="vertical"
        data-testid="board-card"
      >
        {/* The number and the deadline each on a line of their own: a column at 1366 pixels is too narrow for both. */}
        <p className={`${Text.classes.root} mantine-Text-root desk-board-number`} data-size="sm" data-testid="board-card-number">
          {c.number}
        </p>
        <PlainDeadlineBadges summary={c} t={tDeadlines} language={language} theme={theme} withDate={false} size="sm" wrap />
        <p className={`${Text.classes.root} mantine-Text-root desk-board-subject`} data-size="sm" data-line-clamp="true">
          {c.subject}
        </p>
        <p className={`${Text.classes.root} mantine-Text-root desk-board-who`} data-size="xs" data-line-clamp="true">
          {c.complainantName} · {props.departmentName}
        </p>
        {(c.severity !== 'general' || c.escalated || c.transfer || approved) && (
          <div className={`${Group.classes.root} mantine-Group-root desk-plain-badges desk-board-flags`} data-wrap>
            {c.transfer && (
              <PlainBadge
                words={t('transfer.inFrom', { site: c.transfer.from.name })}
                color="indigo"
                variant="light"
                size="xs"
                theme={theme}
                data-testid="board-card-transfer"
              />
            )}
            {c.severity !== 'general' && <PlainBadge words={labels.severity[c.severity]} color="red" size="xs" theme={theme} />}
            {c.escalated && <PlainBadge words={labels.escalated} color="grape" size="xs" theme={theme} />}
            {approved && <PlainBadge words={labels.approved} color="green" variant="light" size="xs" theme={theme} />}
          </div>
        )}
      </div>
    </button>
  );
});
