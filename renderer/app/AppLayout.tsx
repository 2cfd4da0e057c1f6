import { Badge, Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router-dom';
import { BackupIndicator, StoreCheckIndicator } from '../features/backup/index.ts';
import { useInboxCount } from '../features/handling/index.ts';
import { SyncIndicator } from '../features/sync/index.ts';
import { LanguageSwitch } from '../shared/ui/LanguageSwitch.tsx';
import { PageShell } from '../shared/ui/PageShell.tsx';
import { useIdleAfterMount } from '../shared/ui/useIdleAfterMount.ts';
import { useSession } from './deskSession.tsx';
import { JobsIndicator } from './JobsIndicator.tsx';
import { maySee, routes } from './routes.tsx';

/** The shell: desk name, signed-in user, language and sign-out on top; navigation on the left. */
export function AppLayout() {
  const { t } = useTranslation();
  const { user, orgName, signOut, lock } = useSession();
  const location = useLocation();
  // The top bar's states and the inbox count are asked once the page has shown its own content.
  const idle = useIdleAfterMount();
  const inboxCount = useInboxCount(location.pathname, idle);
  // The navigation only leaves out what the matrix would refuse.
  const menu = routes.flatMap((r) =>
    r.menu && maySee(user, r.needs)
      ? [
          {
            to: r.path,
            label: t(r.menu),
            rightSection:
              r.path === '/inbox' && inboxCount > 0 ? (
                <Badge color="red" data-testid="inbox-count">
                  {inboxCount}
                </Badge>
              ) : undefined,
          },
        ]
      : [],
  );
  return (
    <PageShell
      appName={t('appName')}
      placeName={orgName}
      menu={menu}
      menuLabel={t('nav.menu')}
      navbarWidth={200}
      menuTestId="nav-menu"
      tools={
        <>
          {idle && (
            <>
              <StoreCheckIndicator />
              <JobsIndicator />
              <BackupIndicator />
              <SyncIndicator />
            </>
          )}
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
        </>
      }
    />
  );
}
