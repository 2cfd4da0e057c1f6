import { AppShell, Badge, Button, Group, NavLink, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Outlet, NavLink as RouterLink, useLocation } from 'react-router-dom';
import { canViewReports } from '../../domain/reports/access.ts';
import { useInboxCount } from '../cases/useInboxCount.ts';
import { BackupIndicator } from '../components/BackupIndicator.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { useSession } from './deskSession.tsx';

const pages = [
  { to: '/register', key: 'nav.register' },
  { to: '/board', key: 'handling:nav.board' },
  { to: '/inbox', key: 'handling:nav.inbox' },
  { to: '/follow-ups', key: 'handling:nav.followUps' },
  { to: '/inquiry', key: 'handling:nav.inquiry' },
  { to: '/cases', key: 'nav.cases' },
  { to: '/reports', key: 'nav.reports', visible: canViewReports },
  { to: '/backup', key: 'backup:nav' },
  { to: '/settings/deadlines', key: 'nav.deadlineSettings' },
] as const;

/** The shell: desk name, signed-in user, language and sign-out on top; navigation on the left. */
export function AppLayout() {
  const { t } = useTranslation();
  const { user, orgName, signOut } = useSession();
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
            <BackupIndicator />
            <Text>{t('signedInAs', { name: user.displayName })}</Text>
            <LanguageSwitch />
            <Button variant="default" onClick={() => void signOut()}>
              {t('nav.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        {pages
          .filter((p) => !('visible' in p) || p.visible(user.roles))
          .map((p) => (
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
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
