import { AppShell, Badge, Button, Center, Group, Loader, NavLink, ScrollArea, Text, Title } from '@mantine/core';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, NavLink as RouterLink, useLocation } from 'react-router-dom';
import { BackupIndicator, StoreCheckIndicator } from '../features/backup/index.ts';
import { useInboxCount } from '../features/handling/index.ts';
import { SyncIndicator } from '../features/sync/index.ts';
import { LanguageSwitch } from '../shared/ui/LanguageSwitch.tsx';
import { useSession } from './deskSession.tsx';
import { JobsIndicator } from './JobsIndicator.tsx';
import { maySee, routes } from './routes.tsx';

/** The shell: desk name, signed-in user, language and sign-out on top; navigation on the left. */
export function AppLayout() {
  const { t } = useTranslation();
  const { user, orgName, signOut, lock } = useSession();
  // The navigation only leaves out what the matrix would refuse.
  const menu = routes.flatMap((r) => (r.menu && maySee(user, r.needs) ? [{ to: r.path, key: r.menu }] : []));
  const location = useLocation();
  const inboxCount = useInboxCount(location.pathname);
  return (
    <AppShell header={{ height: 64 }} navbar={{ width: 200, breakpoint: 0 }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Title order={2} size="h3">
              {t('appName')}
            </Title>
            <Text c="dimmed">{orgName}</Text>
          </Group>
          <Group wrap="nowrap">
            <StoreCheckIndicator />
            <JobsIndicator />
            <BackupIndicator />
            <SyncIndicator />
            <Text>{t('signedInAs', { name: user.displayName })}</Text>
            <LanguageSwitch />
            <Button variant="light" onClick={() => lock()} title={t('access:lock.shortcut')}>
              {t('access:nav.lock')}
            </Button>
            <Button variant="default" onClick={() => lock(true)}>
              {t('access:nav.switchUser')}
            </Button>
            <Button variant="default" onClick={() => void signOut()}>
              {t('nav.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t('nav.menu')}>
        {/* At 768 px the whole menu does not fit: it scrolls, so the last entries stay reachable. */}
        <AppShell.Section grow component={ScrollArea} data-testid="nav-menu">
          {menu.map((p) => (
            <NavLink
              key={p.to}
              component={RouterLink}
              to={p.to}
              label={<Text size="lg">{t(p.key)}</Text>}
              active={location.pathname.startsWith(p.to)}
              rightSection={
                p.to === '/inbox' && inboxCount > 0 ? (
                  <Badge color="red" data-testid="inbox-count">
                    {inboxCount}
                  </Badge>
                ) : undefined
              }
            />
          ))}
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        {/* A page's code arrives on its first visit. */}
        <Suspense
          fallback={
            <Center mih="50vh">
              <Loader />
            </Center>
          }
        >
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
