import { Anchor, Badge, Card, Group, ScrollArea, SegmentedControl, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { CaseSummary } from '../../../domain/api/views.ts';
import type { CaseStatus } from '../../../domain/cases/vocabulary.ts';
import { type Directory, useDirectory } from '../../shared/directory.ts';
import { deskErrorMessage } from '../../shared/errors.ts';
import { EmptyState } from '../../shared/ui/EmptyState.tsx';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { DeadlineBadge } from '../cases/index.ts';
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
        <SegmentedControl
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
  const { t } = useTranslation('handling');
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
            <ScrollArea.Autosize mah="calc(100vh - 250px)" type="auto" offsetScrollbars>
              <Stack gap={6}>
                {/* An empty column says what brings a case into it, so a blank one is not taken for a fault. */}
                {c.count === 0 && total > 0 && (
                  <Text size="sm" c="dimmed" px={4}>
                    {t(`board.columnEmpty.${c.status}`)}
                  </Text>
                )}
                {c.cards.map((card) => (
                  <BoardCard key={card.id} card={card} departmentName={props.directory.departmentName(card.departmentId)} />
                ))}
                {c.count > c.cards.length && (
                  <Anchor size="sm" ta="center" component="button" onClick={() => props.onShowAll(c.status)}>
                    {t('board.more', { count: c.count - c.cards.length })}
                  </Anchor>
                )}
              </Stack>
            </ScrollArea.Autosize>
          </Stack>
        ))}
      </div>
    </Stack>
  );
}

/**
 * Memoised: on a reload the directory's three lists arrive one after another, each re-rendering the
 * board; a card whose case and department name are unchanged is not rendered again.
 */
const BoardCard = memo(function BoardCard(props: { card: CaseSummary; departmentName: string }) {
  const { t } = useTranslation('handling');
  const navigate = useNavigate();
  const c = props.card;
  return (
    // Named by what it shows (number, deadline, subject, who), as a screen reader and speech input expect.
    <UnstyledButton onClick={() => navigate(`/cases/${c.id}`)}>
      <Card withBorder padding="xs" radius="sm" data-testid="board-card">
        {/* The number and the deadline each on a line of their own: a column at 1366 pixels is too narrow for both. */}
        <Text ff="monospace" fw={700} size="sm" style={{ whiteSpace: 'nowrap' }} data-testid="board-card-number">
          {c.number}
        </Text>
        <DeadlineBadge summary={c} size="sm" wrap />
        <Text size="sm" fw={500} lineClamp={2}>
          {c.subject}
        </Text>
        <Text size="xs" c="dimmed" lineClamp={1}>
          {c.complainantName} · {props.departmentName}
        </Text>
        {(c.severity !== 'general' ||
          c.escalated ||
          c.transfer ||
          (c.proposalState === 'approved' && c.status === 'awaiting_approval')) && (
          <Group gap={4} mt={4}>
            {c.transfer && (
              <Badge size="xs" color="indigo" variant="light" data-testid="board-card-transfer">
                {t('transfer.inFrom', { site: c.transfer.from.name })}
              </Badge>
            )}
            {c.severity !== 'general' && (
              <Badge size="xs" color="red">
                {t(`cases:severities.${c.severity}`)}
              </Badge>
            )}
            {c.escalated && (
              <Badge size="xs" color="grape">
                {t('escalated')}
              </Badge>
            )}
            {c.proposalState === 'approved' && c.status === 'awaiting_approval' && (
              <Badge size="xs" color="green" variant="light">
                {t('proposalStates.approved')}
              </Badge>
            )}
          </Group>
        )}
      </Card>
    </UnstyledButton>
  );
});
