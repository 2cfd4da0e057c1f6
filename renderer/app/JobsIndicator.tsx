import { Badge, Loader, Tooltip, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { JobKind } from '../../domain/api/jobViews.ts';
import { useJobs } from '../shared/jobs.ts';

/** The page each kind of job is started from, where its progress shows in full. */
const pageOf: Record<JobKind, string> = {
  backup: '/backup',
  export: '/backup',
  import: '/backup',
  seal: '/seals',
  syncCatchUp: '/sync',
  retention: '/retention',
};

/** The top bar while long work runs: what, how far, and a way back to its page from anywhere. */
export function JobsIndicator() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const job = useJobs().find((j) => j.state === 'running');
  if (!job) return null;
  const what = t(`jobs.kind.${job.kind}`);
  const label =
    job.total > 0
      ? t('jobs.indicator', { what, percent: Math.round((job.done / job.total) * 100) })
      : t('jobs.indicatorStarting', { what });
  return (
    <Tooltip label={t('jobs.leave')} multiline maw={320}>
      <UnstyledButton onClick={() => navigate(pageOf[job.kind])} aria-label={label} data-testid="jobs-indicator">
        <Badge color="blue" variant="light" size="lg" radius="sm" leftSection={<Loader size={12} />} style={{ cursor: 'pointer' }}>
          {label}
        </Badge>
      </UnstyledButton>
    </Tooltip>
  );
}
