import { Badge, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { DeskInput } from '../../../domain/api/deskApi.ts';
import { caseStatuses, channels, recordTypes, severities } from '../../../domain/cases/vocabulary.ts';
import { useDirectory } from '../../shared/directory.ts';
import { formatDateTime } from '../../shared/format.ts';

type ListFilters = Omit<DeskInput<'cases.list'>, 'q' | 'limit' | 'cursor'>;

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | undefined => list.find((v) => v === value);

const isoOrUndefined = (value: string | null) => (value && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : undefined);

/** The case-list filters of a URL; values the list does not know are dropped, not sent. */
export function filtersFromUrl(params: URLSearchParams): ListFilters {
  const text = (key: string) => params.get(key)?.trim() || undefined;
  const filters: ListFilters = {
    status: oneOf(caseStatuses, params.get('status')),
    type: oneOf(recordTypes, params.get('type')),
    channel: oneOf(channels, params.get('channel')),
    severity: oneOf(severities, params.get('severity')),
    categoryId: text('categoryId'),
    departmentId: text('departmentId'),
    respondentDepartmentId: text('respondentDepartmentId'),
    respondentPerson: text('respondentPerson'),
    handlerId: text('handlerId'),
    overdue: params.get('overdue') === '1' ? true : undefined,
    from: isoOrUndefined(params.get('from')),
    to: isoOrUndefined(params.get('to')),
  };
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as ListFilters;
}

/** The filters in force, as badges, with a way back to the whole list. */
export function CaseListFilters(props: { params: URLSearchParams }) {
  const entries = Object.entries(filtersFromUrl(props.params));
  // The whole list asks nothing more: the departments are read only to name a filter.
  return entries.length === 0 ? null : <FilterBadges entries={entries} />;
}

function FilterBadges(props: { entries: [string, unknown][] }) {
  const { t, i18n } = useTranslation('reports');
  const navigate = useNavigate();
  const { departments } = useDirectory();
  const { entries } = props;
  const departmentName = (id: string) => departments.find((d) => d.id === id)?.name ?? '…';
  const label = (key: string, value: unknown): string => {
    switch (key) {
      case 'status':
        return t(`cases:statuses.${value}`);
      case 'type':
        return t(`cases:types.${value}`);
      case 'channel':
        return t(`cases:channels.${value}`);
      case 'severity':
        return t(`cases:severities.${value}`);
      case 'departmentId':
        return t('labelled', { label: t('columns.department'), value: departmentName(String(value)) });
      case 'respondentDepartmentId':
        return t('labelled', { label: t('charts.topDepartments'), value: departmentName(String(value)) });
      case 'respondentPerson':
        return t('labelled', { label: t('charts.topPersons'), value: String(value) });
      case 'overdue':
        return t('figures.overdue');
      case 'from':
        return `${t('dashboard.from')} ${formatDateTime(String(value), i18n.language)}`;
      case 'to':
        return `${t('dashboard.to')} ${formatDateTime(String(value), i18n.language)}`;
      default:
        return t('filters.other');
    }
  };
  return (
    <Group gap="xs" data-testid="case-list-filters">
      <Text c="dimmed">{t('filters.title')}</Text>
      {entries.map(([key, value]) => (
        <Badge key={key} size="lg" variant="light" tt="none">
          {label(key, value)}
        </Badge>
      ))}
      <Button variant="subtle" size="compact-md" onClick={() => navigate('/cases')}>
        {t('filters.clear')}
      </Button>
    </Group>
  );
}
