import { Box, Text, useMantineTheme } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { DeskInput } from '../../../domain/api/deskApi.ts';
import type { Directory } from '../../shared/directory.ts';
import { deskErrorMessage } from '../../shared/errors.ts';
import { formatDate } from '../../shared/format.ts';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { PlainBadge } from '../../shared/ui/PlainBadge.tsx';
import { PlainDeadlineBadges, statusLabel } from '../cases/index.ts';
import { browseQuery } from './queries.ts';

const rowHeight = 44;
const text = `mantine-focus-auto ${Text.classes.root} mantine-Text-root`;
const grid = '110px 150px 110px minmax(0, 1fr) 110px 190px 210px';

/**
 * Every case, closed ones too, as one scrolling list: only the rows in view are in the DOM,
 * and the next page (keyset, so page 500 costs what page 1 does) loads as the end comes near.
 */
export function CaseVirtualList(props: { input: DeskInput<'cases.browse'>; directory: Directory }) {
  const { t, i18n } = useTranslation('handling');
  const { t: tDeadlines } = useTranslation('deadlines');
  const theme = useMantineTheme();
  const pages = useInfiniteQuery(browseQuery(props.input));
  const items = useMemo(() => pages.data?.pages.flatMap((p) => p.items) ?? [], [pages.data]);
  const first = pages.data?.pages[0];
  const total = first ? { n: first.total, atLeast: first.totalAtLeast } : null;
  const error = pages.error ? deskErrorMessage(pages.error) : null;

  const parent = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => parent.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const virtualRows = virtualizer.getVirtualItems();
  const lastIndex = virtualRows.at(-1)?.index ?? 0;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = pages;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= items.length - 40) void fetchNextPage();
  }, [lastIndex, items.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  const header = ['number', 'receivedAt', 'complainant', 'subject', 'department', 'status', 'deadline'] as const;
  return (
    <Box>
      <ErrorNotice message={error} />
      <Text size="sm" c="dimmed" mb={4} data-testid="list-total">
        {total === null
          ? t('common:loading')
          : total.atLeast
            ? t('board.totalAtLeast', { n: total.n.toLocaleString(i18n.language) })
            : t('board.total', { count: total.n })}
      </Text>
      <div style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4 }}>
        <div style={{ display: 'grid', gridTemplateColumns: grid, gap: 8, padding: '8px 10px', fontWeight: 700 }}>
          {header.map((h) => (
            <span key={h}>{t(`list.${h}`)}</span>
          ))}
        </div>
        <div ref={parent} style={{ height: 'calc(100vh - 300px)', minHeight: 240, overflow: 'auto' }} data-testid="case-list-scroller">
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualRows.map((v) => {
              const c = items[v.index];
              if (!c) return null;
              return (
                <Link
                  key={c.id}
                  to={`/cases/${c.id}`}
                  data-testid="list-row"
                  style={{
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    right: 0,
                    height: rowHeight,
                    transform: `translateY(${v.start}px)`,
                    display: 'grid',
                    gridTemplateColumns: grid,
                    gap: 8,
                    alignItems: 'center',
                    padding: '0 10px',
                    color: 'inherit',
                    textDecoration: 'none',
                    borderTop: '1px solid var(--mantine-color-gray-2)',
                    background: v.index % 2 ? 'var(--mantine-color-gray-0)' : undefined,
                  }}
                >
                  {/* Plain elements with Mantine's classes: a screenful of rows through Text and Badge was most of the list's render. */}
                  <p className={`${text} desk-list-number`}>{c.number}</p>
                  <p className={text}>{formatDate(c.receivedAt, i18n.language)}</p>
                  <p className={text} data-truncate="end">
                    {c.complainantName}
                  </p>
                  <p className={text} data-truncate="end">
                    {c.subject}
                  </p>
                  <p className={text} data-truncate="end">
                    {props.directory.departmentName(c.departmentId)}
                  </p>
                  <div className="desk-list-status">
                    <PlainBadge words={statusLabel(c, t)} color="blue" variant="light" size="sm" theme={theme} />
                  </div>
                  <div className="desk-list-deadline">
                    <PlainDeadlineBadges summary={c} t={tDeadlines} language={i18n.language} theme={theme} withDate={false} size="sm" />
                  </div>
                </Link>
              );
            })}
          </div>
        </div>
      </div>
    </Box>
  );
}
