import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { consoleQuery } from '../../api.ts';

/**
 * All sites or one: the sites come from the group's own report (every role that reads reports
 * may list them there; the sites page is the administrator's).
 */
export function SiteScope(props: { value: number | undefined; onChange: (siteId: number | undefined) => void }) {
  const { t } = useTranslation('consoleReports');
  const sites = useQuery(consoleQuery('reports.dashboard', { span: 'today' })).data?.bySite ?? [];
  return (
    <Select
      label={t('scope.label')}
      value={props.value ? String(props.value) : 'all'}
      allowDeselect={false}
      onChange={(v) => props.onChange(v && v !== 'all' ? Number(v) : undefined)}
      data={[{ value: 'all', label: t('scope.all') }, ...sites.map((s) => ({ value: String(s.key), label: s.label ?? String(s.key) }))]}
      w={200}
    />
  );
}
