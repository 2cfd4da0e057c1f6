import { BarChart, PieChart } from '@mantine/charts';
import { Card, Center, Group, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportGroupRow } from '../../../domain/api/reportViews.ts';
import './charts.css';
import { EmptyState } from '../../shared/ui/EmptyState.tsx';

export const chartColors = ['blue.6', 'teal.6', 'orange.6', 'grape.6', 'red.6', 'cyan.6', 'lime.7', 'pink.6', 'indigo.6', 'yellow.7'];

interface ChartRow {
  name: string;
  registered: number;
  closed: number;
  row: ReportGroupRow;
}

export function ChartCard(props: { title: string; children: ReactNode; extra?: ReactNode; testId?: string }) {
  return (
    <Card withBorder padding="md" data-testid={props.testId}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Title order={2} size="h4">
            {props.title}
          </Title>
          {props.extra}
        </Group>
        {props.children}
      </Stack>
    </Card>
  );
}

/**
 * A period with nothing to draw: no groups, or groups that all count nothing (a trend's days
 * come back one by one even when none had a case). Axes over nothing read as a fault.
 */
const drawsNothing = (rows: ReportGroupRow[], withClosed = false) =>
  rows.every((r) => r.figures.counts.registered === 0 && (!withClosed || r.figures.counts.closed === 0));

function Empty() {
  const { t } = useTranslation('reports');
  return (
    <Center h={200}>
      <EmptyState>{t('charts.empty')}</EmptyState>
    </Center>
  );
}

/**
 * Counts per group as bars; clicking a bar calls `onPick` with its group (the dashboard opens
 * the matching case list). `horizontal` ranks long names (departments, people) top-down.
 */
export function GroupBarChart(props: {
  rows: ReportGroupRow[];
  label: (row: ReportGroupRow) => string;
  onPick?: ((row: ReportGroupRow) => void) | undefined;
  withClosed?: boolean;
  horizontal?: boolean;
  height?: number;
  limit?: number;
}) {
  const { t } = useTranslation('reports');
  const rows = props.limit ? props.rows.slice(0, props.limit) : props.rows;
  if (drawsNothing(rows, props.withClosed)) return <Empty />;
  const data: ChartRow[] = rows.map((row) => ({
    name: props.label(row),
    registered: row.figures.counts.registered,
    closed: row.figures.counts.closed,
    row,
  }));
  const series = [{ name: 'registered', label: t('charts.registered'), color: 'blue.6' }];
  if (props.withClosed) series.push({ name: 'closed', label: t('charts.closed'), color: 'teal.6' });
  return (
    <BarChart
      h={props.height ?? 220}
      data={data}
      dataKey="name"
      series={series}
      orientation={props.horizontal ? 'vertical' : 'horizontal'}
      withLegend={Boolean(props.withClosed)}
      yAxisProps={props.horizontal ? { width: 110 } : { allowDecimals: false }}
      xAxisProps={props.horizontal ? { allowDecimals: false } : {}}
      maxBarWidth={36}
      barProps={{
        isAnimationActive: false,
        cursor: props.onPick ? 'pointer' : undefined,
        onClick: (item: { payload?: ChartRow }) => {
          if (item.payload && props.onPick) props.onPick(item.payload.row);
        },
      }}
    />
  );
}

/** Shares of a whole as a pie; clicking a slice calls `onPick`. */
export function GroupPieChart(props: {
  rows: ReportGroupRow[];
  label: (row: ReportGroupRow) => string;
  onPick?: ((row: ReportGroupRow) => void) | undefined;
}) {
  if (drawsNothing(props.rows)) return <Empty />;
  const data = props.rows.map((row, i) => ({
    name: props.label(row),
    value: row.figures.counts.registered,
    color: chartColors[i % chartColors.length] ?? 'gray.6',
  }));
  const rowByName = new Map(props.rows.map((row) => [props.label(row), row]));
  return (
    <Center>
      <PieChart
        className="desk-pie"
        data={data}
        size={180}
        h={220}
        withLabels
        labelsType="value"
        labelsPosition="inside"
        withTooltip
        withLegend
        // A lone slice has no neighbour to be parted from: its stroke would draw a white seam.
        strokeWidth={data.filter((d) => d.value > 0).length > 1 ? 1 : 0}
        pieProps={{ isAnimationActive: false }}
        cellProps={(cell) => ({
          cursor: props.onPick ? 'pointer' : undefined,
          onClick: () => {
            const row = rowByName.get(String(cell.name));
            if (row && props.onPick) props.onPick(row);
          },
        })}
      />
    </Center>
  );
}
