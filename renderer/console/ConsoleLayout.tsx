import { AppShell, Badge, Button, Center, Group, Loader, NavLink, ScrollArea, Text, Title } from '@mantine/core';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, NavLink as RouterLink, useLocation } from 'react-router-dom';
import { LanguageSwitch } from '../shared/ui/LanguageSwitch.tsx';
import { useConsoleSession } from './consoleSession.tsx';
import { ChangePasswordModal } from './features/access/ChangePasswordModal.tsx';
import { consoleRoutes, mayOpen } from './routes.tsx';

/** The console's shell: group name, account, language and sign-out on top; the pages the role may open on the left. */
export function ConsoleLayout() {
  const { t } = useTranslation('console');
  const { user, groupName, signOut } = useConsoleSession();
  const location = useLocation();
  const [changing, setChanging] = useState(false);
  const menu = consoleRoutes.filter((r) => r.menu && mayOpen(user.role, r));
  return (
    <AppShell header={{ height: 64 }} navbar={{ width: 220, breakpoint: 0 }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Title order={2} size="h3">
              {t('appName')}
            </Title>
            <Text c="dimmed">{groupName}</Text>
          </Group>
          <Group wrap="nowrap">
            <Text>{t('signedInAs', { name: user.displayName })}</Text>
            <Badge variant="light">{t(`roles.${user.role}`)}</Badge>
            <LanguageSwitch />
            <Button variant="default" onClick={() => setChanging(true)}>
              {t('password.title')}
            </Button>
            <Button variant="default" onClick={() => void signOut()}>
              {t('nav.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t('nav.menu')}>
        <AppShell.Section grow component={ScrollArea}>
          {menu.map((r) => (
            <NavLink
              key={r.path}
              component={RouterLink}
              to={r.path}
              label={<Text size="lg">{t(r.menu ?? '')}</Text>}
              active={location.pathname.startsWith(r.path)}
            />
          ))}
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
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
      {changing && <ChangePasswordModal onClose={() => setChanging(false)} />}
    </AppShell>
  );
}
