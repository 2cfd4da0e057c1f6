import { Center } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { Suspense, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HashRouter, Navigate, Route, Routes } from 'react-router-dom';
import type { DeskHealth } from '../../domain/api/backupViews.ts';
import type { SessionUser } from '../../domain/api/views.ts';
import { LockScreen, LoginPage, useIdleLock } from '../features/auth/index.ts';
import { StoreCheckNotice } from '../features/backup/index.ts';
import { client } from '../shared/api/client.ts';
import { queryClient } from '../shared/api/queries.ts';
import { i18next } from '../shared/i18n.ts';
import { ErrorNotice } from '../shared/ui/ErrorNotice.tsx';
import { QuietLoader } from '../shared/ui/QuietLoader.tsx';
import { AppLayout } from './AppLayout.tsx';
import { SessionProvider } from './deskSession.tsx';
import { FreshStartLink, homePathOf, maySee, prefetchDataOf, prefetchSettings, RecoveryPage, routes, SetupWizard } from './routes.tsx';
import { rememberShownUser, type SessionCheck } from './sessionCheck.ts';

interface SignedIn {
  name: 'signedIn';
  orgName: string;
  user: SessionUser;
  /** Minutes without activity before the screen locks (a desk setting). */
  idleLockMinutes: number | null;
  /** Locked: the app stays mounted underneath, hidden, so a half-filled form survives. */
  lock: 'none' | 'locked' | 'switch';
  /** Bumped when another user takes over: the app underneath starts afresh. */
  generation: number;
}

type Phase =
  | { name: 'loading' }
  | { name: 'unreachable' }
  | { name: 'recovery'; health: Exclude<DeskHealth, { state: 'ok' }> }
  | { name: 'fresh' }
  | { name: 'setup' }
  | { name: 'login'; orgName: string | null; notice: string | null }
  | SignedIn;

const waiting = <QuietLoader mih="100vh" />;

/**
 * Which screen a desk shows: first-run wizard, sign-in, or the app behind it (and its lock).
 * `sessionCheck` is the answer to the questions asked before the first render (`startSessionCheck`).
 */
export function App(props: { sessionCheck: Promise<SessionCheck> }) {
  const { t } = useTranslation('setup');
  const [phase, setPhase] = useState<Phase>({ name: 'loading' });

  /**
   * Shows the app to a user. After a sign-in or a switch of user the cache is emptied first: nothing
   * read for the previous user is shown to the next one. After a reload the session check has
   * already asked for the page's data and the settings, for this user, and they are kept.
   */
  const enter = useCallback(async (user: SessionUser, locked: boolean, generation: number, reload?: { orgName: string }) => {
    if (!reload) queryClient.clear();
    // The page's own data is asked for now, beside the settings, not once the shell has rendered
    // (after a reload, only what the session check did not already ask).
    if (!locked) prefetchDataOf(window.location.hash, user);
    const [status, settings] = await Promise.all([reload ?? client.call('setup.status', {}), prefetchSettings().catch(() => null)]);
    rememberShownUser(user);
    setPhase({
      name: 'signedIn',
      orgName: status.orgName ?? '',
      user,
      idleLockMinutes: settings?.desk.idleLockMinutes ?? null,
      lock: locked ? 'locked' : 'none',
      generation,
    });
  }, []);

  useEffect(() => {
    (async () => {
      // What the answers say is read in order: a store that could not be opened gets the recovery
      // screen, never an empty desk, whatever the other two said.
      const { health, status, me } = await props.sessionCheck;
      if (health.state !== 'ok') return setPhase({ name: 'recovery', health });
      if (!status) throw new Error('setup.status failed');
      if (!status.initialized) return setPhase({ name: 'setup' });
      const orgName = status.orgName ?? '';
      if (me) return enter(me.user, me.locked, 0, { orgName });
      client.token = null;
      setPhase({ name: 'login', orgName, notice: null });
    })().catch(() => setPhase({ name: 'unreachable' }));
  }, [enter, props.sessionCheck]);

  const signOut = useCallback(async () => {
    await client.call('auth.logout', {}).catch(() => undefined);
    client.token = null;
    rememberShownUser(null);
    queryClient.clear();
    window.location.hash = '';
    setPhase((p) => ({ name: 'login', orgName: p.name === 'signedIn' ? p.orgName : null, notice: null }));
  }, []);

  const lock = useCallback((forSwitch = false) => {
    setPhase((p) => (p.name === 'signedIn' && p.lock === 'none' ? { ...p, lock: forSwitch ? 'switch' : 'locked' } : p));
    void client.call('auth.lock', {}).catch(() => undefined);
  }, []);

  // The core has the last word: an expired session goes back to sign-in, a locked one to the lock screen.
  useEffect(() => {
    client.listenForRefusals((code, method) => {
      // A wrong password at sign-in or at the lock screen is answered where it was typed.
      if (method === 'auth.login' || method === 'auth.unlock') return;
      if (code === 'locked') setPhase((p) => (p.name === 'signedIn' && p.lock === 'none' ? { ...p, lock: 'locked' } : p));
      if (code === 'unauthenticated') {
        setPhase((p) => (p.name === 'signedIn' ? { name: 'login', orgName: p.orgName, notice: i18next.t('access:lock.sessionEnded') } : p));
      }
    });
    return () => client.listenForRefusals(undefined);
  }, []);

  const signedIn = phase.name === 'signedIn';
  const locked = signedIn && phase.lock !== 'none';
  useIdleLock(signedIn ? phase.idleLockMinutes : null, !signedIn || locked, () => lock(false));
  // Works inside text fields too: the receptionist locks mid-sentence when called away.
  useHotkeys(signedIn && !locked ? [['mod+shift+L', () => lock(false)]] : [], []);

  switch (phase.name) {
    case 'loading':
      return waiting;
    case 'unreachable':
      return (
        <Center mih="100vh" p="xl">
          <ErrorNotice message={t('common:networkError')} />
        </Center>
      );
    case 'recovery':
      return (
        <Suspense fallback={waiting}>
          <RecoveryPage mode="damaged" health={phase.health} />
        </Suspense>
      );
    case 'fresh':
      return (
        <Suspense fallback={waiting}>
          <RecoveryPage mode="fresh" onBack={() => setPhase({ name: 'setup' })} />
        </Suspense>
      );
    case 'setup':
      return (
        <Suspense fallback={waiting}>
          <SetupWizard onDone={() => setPhase({ name: 'login', orgName: null, notice: t('wizard.done') })} />
          <FreshStartLink onClick={() => setPhase({ name: 'fresh' })} />
        </Suspense>
      );
    case 'login':
      return (
        <LoginPage
          orgName={phase.orgName}
          notice={phase.notice}
          status={<StoreCheckNotice />}
          onSignedIn={(user) => void enter(user, false, 0)}
        />
      );
    case 'signedIn':
      return (
        <>
          <div
            key={phase.generation}
            style={locked ? { visibility: 'hidden' } : undefined}
            aria-hidden={locked || undefined}
            inert={locked}
          >
            <SessionProvider value={{ client, user: phase.user, orgName: phase.orgName, signOut, lock }}>
              <HashRouter>
                <Routes>
                  <Route element={<AppLayout />}>
                    {routes.map(({ path, page: Page, needs }) => (
                      <Route
                        key={path}
                        path={path}
                        element={maySee(phase.user, needs) ? <Page /> : <Navigate to={homePathOf(phase.user)} replace />}
                      />
                    ))}
                    <Route path="*" element={<Navigate to={homePathOf(phase.user)} replace />} />
                  </Route>
                </Routes>
              </HashRouter>
            </SessionProvider>
          </div>
          {locked && (
            <LockScreen
              user={phase.user}
              forSwitch={phase.lock === 'switch'}
              onUnlocked={() => setPhase({ ...phase, lock: 'none' })}
              onSwitched={(user) => {
                // The new user starts on their own home page, nothing of the previous user's work kept.
                window.location.hash = '';
                void enter(user, false, phase.generation + 1);
              }}
              onSignOut={() => void signOut()}
            />
          )}
        </>
      );
  }
}
