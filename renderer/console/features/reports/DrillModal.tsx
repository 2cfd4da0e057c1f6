import { Button, Loader, Modal, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DrillFigure } from '../../../../domain/console/reportsSchemas.ts';
import type { GroupDimension } from '../../../../domain/reports/groupFigures.ts';
import type { Range } from '../../../../domain/reports/periods.ts';
import { deskErrorMessage } from '../../../shared/errors.ts';
import { ErrorNotice } from '../../../shared/ui/ErrorNotice.tsx';
import { consoleQuery } from '../../api.ts';
import { CaseLinesTable } from './CaseLinesTable.tsx';

/** A figure's cases: what the group's figure counted, in the range, of a site or a group's key. */
export interface Drill {
  range: Range;
  figure: DrillFigure;
  siteId?: number | undefined;
  dimension?: GroupDimension | undefined;
  key?: string | null | undefined;
  title: string;
}

const page = 50;

export function DrillModal(props: { drill: Drill | null; onClose: () => void }) {
  const { t } = useTranslation('consoleReports');
  const [limit, setLimit] = useState(page);
  const d = props.drill;
  const cases = useQuery({
    ...consoleQuery('reports.cases', {
      from: d?.range.from ?? '',
      to: d?.range.to ?? '',
      figure: d?.figure ?? 'registered',
      ...(d?.siteId ? { siteId: d.siteId } : {}),
      ...(d?.dimension ? { dimension: d.dimension, key: d.key ?? null } : {}),
      limit,
    }),
    enabled: d !== null,
  });
  const data = cases.data;
  return (
    <Modal
      opened={d !== null}
      onClose={() => {
        setLimit(page);
        props.onClose();
      }}
      title={d ? t('drill.title', { figure: d.title, count: data?.total ?? '…' }) : ''}
      size="xl"
      data-testid="drill-modal"
    >
      <Stack>
        <ErrorNotice message={cases.error ? deskErrorMessage(cases.error) : null} />
        {!data && !cases.error && <Loader />}
        {data && data.items.length === 0 && <Text c="dimmed">{t('drill.empty')}</Text>}
        {data && data.items.length > 0 && <CaseLinesTable items={data.items} />}
        {data && data.total > data.items.length && (
          <Button variant="default" onClick={() => setLimit((l) => Math.min(200, l + page))} disabled={limit >= 200}>
            {t('drill.more')}
          </Button>
        )}
      </Stack>
    </Modal>
  );
}
