import { AppShell, Badge, Button, Group, NavLink, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Outlet, NavLink as RouterLink, useLocation } from 'react-router-dom';
import { mayCall } from '../../domain/access/permissions.ts';
import type { DeskMethod } from '../../domain/api/deskApi.ts';
import { BackupIndicator } from '../features/backup/BackupIndicator.tsx';
import { useInboxCount } from '../features/handling/useInboxCount.ts';
import { LanguageSwitch } from '../shared/ui/LanguageSwitch.tsx';
import { useSession } from './deskSession.tsx';
import { adminPages } from './routes.tsx';

const pages = [
  { to: '/register', key: 'nav.register', needs: 'cases.register' },
  { to: '/board', key: 'handling:nav.board', needs: 'cases.board' },
  { to: '/inbox', key: 'handling:nav.inbox', needs: 'cases.inbox' },
  { to: '/follow-ups', key: 'handling:nav.followUps', needs: 'cases.inquire' },
  { to: '/inquiry', key: 'handling:nav.inquiry', needs: 'cases.inquire' },
  { to: '/cases', key: 'nav.cases', needs: 'cases.list' },
  { to: '/reports', key: 'nav.reports', needs: 'reports.summary' },
  { to: '/backup', key: 'backup:nav', needs: 'backup.configure' },
  // Administrators set deadlines and the calendar; supervisors the review window on the same page.
  { to: '/settings/deadlines', key: 'nav.deadlineSettings', needs: ['policies.update', 'caseSettings.update'] },
  { to: '/settings/desk', key: 'registration:settings.title', needs: 'settings.updateDesk' },
] as const satisfies readonly { to: string; key: string; needs: DeskMethod | readonly DeskMethod[] }[];

/** The shell: desk name, signed-in user, language and sign-out on top; navigation on the left. */
export function AppLayout() {
  const { t } = useTranslation();
  const { user, orgName, signOut, lock } = useSession();
  // The matrix decides what a role may call; the navigation only leaves out what would be refused.
  const visible = <P extends { needs: DeskMethod | readonly DeskMethod[] }>(list: readonly P[]) =>
    list.filter((p) => (typeof p.needs === 'string' ? [p.needs] : p.needs).some((m) => mayCall(user.roles, m)));
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
      <AppShell.Navbar p="sm">
        {[...visible(pages), ...visible(adminPages), { to: '/account', key: 'access:nav.account' }].map((p) => (
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
