import { Center, Loader, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HashRouter, Navigate, Route, Routes } from 'react-router-dom';
import type { ConsoleSessionUser } from '../../domain/console/accessViews.ts';
import { queryClient } from '../shared/api/queries.ts';
import { i18next } from '../shared/i18n.ts';
import { ErrorNotice } from '../shared/ui/ErrorNotice.tsx';
import { consoleClient } from './api.ts';
import { ConsoleLayout } from './ConsoleLayout.tsx';
import { ConsoleSessionProvider } from './consoleSession.tsx';
import { SetupPage } from './features/access/SetupPage.tsx';
import { SignInPage } from './features/access/SignInPage.tsx';
import { consoleRoutes, homePathOf, mayOpen } from './routes.tsx';

type Phase =
  | { name: 'loading' }
  | { name: 'unreachable' }
  | { name: 'setup' }
  | { name: 'login'; groupName: string | null; notice: string | null }
  | { name: 'signedIn'; user: ConsoleSessionUser; groupName: string };

const waiting = (
  <Center mih="100vh">
    <Loader />
  </Center>
);

/** A role with no page yet (a viewer before the reports exist) lands here. */
function Welcome() {
  const { t } = useTranslation('console');
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('welcome.title')}
      </Title>
      <Text>{t('welcome.nothing')}</Text>
    </Stack>
  );
}

/** Which screen the console shows: first setup, sign-in, or the pages behind it. */
export function ConsoleApp() {
  const { t } = useTranslation('console');
  const [phase, setPhase] = useState<Phase>({ name: 'loading' });

  useEffect(() => {
    (async () => {
      const status = await consoleClient.call('setup.status', {});
      if (!status.initialized) return setPhase({ name: 'setup' });
      if (consoleClient.token) {
        const me = await consoleClient.call('auth.me', {}).catch(() => null);
        if (me) return setPhase({ name: 'signedIn', user: me.user, groupName: me.groupName });
        consoleClient.token = null;
      }
      setPhase({ name: 'login', groupName: status.groupName, notice: null });
    })().catch(() => setPhase({ name: 'unreachable' }));
  }, []);

  const signOut = useCallback(async () => {
    await consoleClient.call('auth.logout', {}).catch(() => undefined);
    consoleClient.token = null;
    queryClient.clear();
    window.location.hash = '';
    setPhase((p) => ({ name: 'login', groupName: p.name === 'signedIn' ? p.groupName : null, notice: null }));
  }, []);

  // The server has the last word: an ended session goes back to sign-in.
  useEffect(() => {
    consoleClient.listenForRefusals((code, method) => {
      if (method === 'auth.login' || code !== 'unauthenticated') return;
      setPhase((p) =>
        p.name === 'signedIn' ? { name: 'login', groupName: p.groupName, notice: i18next.t('console:signIn.sessionEnded') } : p,
      );
    });
    return () => consoleClient.listenForRefusals(undefined);
  }, []);

  const session = useMemo(
    () => (phase.name === 'signedIn' ? { user: phase.user, groupName: phase.groupName, signOut } : null),
    [phase, signOut],
  );

  switch (phase.name) {
    case 'loading':
      return waiting;
    case 'unreachable':
      return (
        <Center mih="100vh" p="xl">
          <ErrorNotice message={t('unreachable')} />
        </Center>
      );
    case 'setup':
      return <SetupPage onDone={() => setPhase({ name: 'login', groupName: null, notice: t('setup.done') })} />;
    case 'login':
      return (
        <SignInPage
          groupName={phase.groupName}
          notice={phase.notice}
          onSignedIn={(user, groupName) => {
            queryClient.clear();
            setPhase({ name: 'signedIn', user, groupName });
          }}
        />
      );
    case 'signedIn': {
      const home = homePathOf(phase.user.role);
      return (
        <ConsoleSessionProvider value={session ?? { user: phase.user, groupName: phase.groupName, signOut }}>
          <HashRouter>
            <Routes>
              <Route element={<ConsoleLayout />}>
                {consoleRoutes
                  .filter((r) => mayOpen(phase.user.role, r))
                  .map((r) => (
                    <Route key={r.path} path={`${r.path}/*`} element={<r.page />} />
                  ))}
                <Route path="/welcome" element={<Welcome />} />
                <Route path="*" element={<Navigate to={home} replace />} />
              </Route>
            </Routes>
          </HashRouter>
        </ConsoleSessionProvider>
      );
    }
  }
}
