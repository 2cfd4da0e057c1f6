import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { mayCall } from '../../../domain/access/permissions.ts';
import { useSession } from '../../app/deskSession.tsx';

const tabs = [
  { path: '/reports', key: 'nav.dashboard' },
  { path: '/reports/analysis', key: 'nav.analysis' },
  { path: '/reports/performance', key: 'nav.performance' },
  { path: '/reports/actions', key: 'nav.correctiveActions' },
] as const;

/** The four views of the analysis area, one tab each. */
export function ReportsTabs() {
  const { t } = useTranslation('reports');
  const { user } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const visible = tabs.filter((tab) => tab.path !== '/reports/performance' || mayCall(user.roles, 'reports.performance'));
  return (
    <Tabs value={location.pathname} onChange={(value) => value && navigate(value)}>
      <Tabs.List>
        {visible.map((tab) => (
          <Tabs.Tab key={tab.path} value={tab.path} fz="md">
            {t(tab.key)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}
