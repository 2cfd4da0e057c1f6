import { Badge, Button, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../shared/ui/LanguageSwitch.tsx';
import { PageShell } from '../shared/ui/PageShell.tsx';
import { useConsoleSession } from './consoleSession.tsx';
import { ChangePasswordModal } from './features/access/ChangePasswordModal.tsx';
import { consoleRoutes, mayOpen } from './routes.tsx';

/** The console's shell: group name, account, language and sign-out on top; the pages the role may open on the left. */
export function ConsoleLayout() {
  const { t } = useTranslation('console');
  const { user, groupName, signOut } = useConsoleSession();
  const [changing, setChanging] = useState(false);
  const menu = consoleRoutes.flatMap((r) => (r.menu && mayOpen(user.role, r) ? [{ to: r.path, label: t(r.menu) }] : []));
  return (
    <PageShell
      appName={t('appName')}
      placeName={groupName}
      menu={menu}
      menuLabel={t('nav.menu')}
      navbarWidth={220}
      tools={
        <>
          <Text>{t('signedInAs', { name: user.displayName })}</Text>
          <Badge variant="light">{t(`roles.${user.role}`)}</Badge>
          <LanguageSwitch />
          <Button variant="default" onClick={() => setChanging(true)}>
            {t('password.title')}
          </Button>
          <Button variant="default" onClick={() => void signOut()}>
            {t('nav.signOut')}
          </Button>
        </>
      }
    >
      {changing && <ChangePasswordModal onClose={() => setChanging(false)} />}
    </PageShell>
  );
}
