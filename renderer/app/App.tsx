import { Center, Loader } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HashRouter, Navigate, Route, Routes } from 'react-router-dom';
import type { DeskHealth } from '../../domain/api/backupViews.ts';
import type { SessionUser } from '../../domain/api/views.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { BackupPage } from '../pages/BackupPage.tsx';
import { BoardPage } from '../pages/BoardPage.tsx';
import { CaseListPage } from '../pages/CaseListPage.tsx';
import { CasePage } from '../pages/CasePage.tsx';
import { DeadlineSettingsPage } from '../pages/DeadlineSettingsPage.tsx';
import { FollowUpsPage } from '../pages/FollowUpsPage.tsx';
import { InboxPage } from '../pages/InboxPage.tsx';
import { InquiryPage } from '../pages/InquiryPage.tsx';
import { LoginPage } from '../pages/LoginPage.tsx';
import { FreshStartLink, RecoveryPage } from '../pages/RecoveryPage.tsx';
import { RegisterPage } from '../pages/RegisterPage.tsx';
import { RestorePage } from '../pages/RestorePage.tsx';
import { AnalysisPage } from '../pages/reports/AnalysisPage.tsx';
import { CorrectiveActionsPage } from '../pages/reports/CorrectiveActionsPage.tsx';
import { DashboardPage } from '../pages/reports/DashboardPage.tsx';
import { PerformancePage } from '../pages/reports/PerformancePage.tsx';
import { SetupWizard } from '../pages/SetupWizard.tsx';
import { AppLayout } from './AppLayout.tsx';
import { client, SessionProvider } from './deskSession.tsx';

type Phase =
  | { name: 'loading' }
  | { name: 'unreachable' }
  | { name: 'recovery'; health: Exclude<DeskHealth, { state: 'ok' }> }
  | { name: 'fresh' }
  | { name: 'setup' }
  | { name: 'login'; orgName: string | null; notice: string | null }
  | { name: 'signedIn'; orgName: string; user: SessionUser };

/** Which screen a desk shows: first-run wizard, sign-in, or the app behind it. */
export function App() {
  const { t } = useTranslation('setup');
  const [phase, setPhase] = useState<Phase>({ name: 'loading' });

  useEffect(() => {
    (async () => {
      // A store that could not be opened gets the recovery screen, never an empty desk.
      const health = await client.call('desk.health', {});
      if (health.state !== 'ok') return setPhase({ name: 'recovery', health });
      const status = await client.call('setup.status', {});
      if (!status.initialized) return setPhase({ name: 'setup' });
      const orgName = status.orgName ?? '';
      if (client.token) {
        const me = await client.call('auth.me', {}).catch(() => null);
        if (me) return setPhase({ name: 'signedIn', orgName, user: me.user });
        client.token = null;
      }
      setPhase({ name: 'login', orgName, notice: null });
    })().catch(() => setPhase({ name: 'unreachable' }));
  }, []);

  const signOut = useCallback(async () => {
    await client.call('auth.logout', {}).catch(() => undefined);
    client.token = null;
    setPhase((p) => ({ name: 'login', orgName: p.name === 'signedIn' ? p.orgName : null, notice: null }));
  }, []);

  switch (phase.name) {
    case 'loading':
      return (
        <Center mih="100vh">
          <Loader />
        </Center>
      );
    case 'unreachable':
      return (
        <Center mih="100vh" p="xl">
          <ErrorNotice message={t('common:networkError')} />
        </Center>
      );
    case 'recovery':
      return <RecoveryPage mode="damaged" health={phase.health} />;
    case 'fresh':
      return <RecoveryPage mode="fresh" onBack={() => setPhase({ name: 'setup' })} />;
    case 'setup':
      return (
        <>
          <SetupWizard onDone={() => setPhase({ name: 'login', orgName: null, notice: t('wizard.done') })} />
          <FreshStartLink onClick={() => setPhase({ name: 'fresh' })} />
        </>
      );
    case 'login':
      return (
        <LoginPage
          orgName={phase.orgName}
          notice={phase.notice}
          onSignedIn={(user) =>
            void client.call('setup.status', {}).then((s) => setPhase({ name: 'signedIn', orgName: s.orgName ?? '', user }))
          }
        />
      );
    case 'signedIn':
      return (
        <SessionProvider value={{ client, user: phase.user, orgName: phase.orgName, signOut }}>
          <HashRouter>
            <Routes>
              <Route element={<AppLayout />}>
                <Route path="/register" element={<RegisterPage />} />
                <Route path="/cases" element={<CaseListPage />} />
                <Route path="/cases/:id" element={<CasePage />} />
                <Route path="/settings/deadlines" element={<DeadlineSettingsPage />} />
                <Route path="/board" element={<BoardPage />} />
                <Route path="/inbox" element={<InboxPage />} />
                <Route path="/follow-ups" element={<FollowUpsPage />} />
                <Route path="/inquiry" element={<InquiryPage />} />
                <Route path="/backup" element={<BackupPage />} />
                <Route path="/backup/restore" element={<RestorePage />} />
                <Route path="/reports" element={<DashboardPage />} />
                <Route path="/reports/analysis" element={<AnalysisPage />} />
                <Route path="/reports/performance" element={<PerformancePage />} />
                <Route path="/reports/actions" element={<CorrectiveActionsPage />} />
                <Route path="*" element={<Navigate to="/register" replace />} />
              </Route>
            </Routes>
          </HashRouter>
        </SessionProvider>
      );
  }
}
