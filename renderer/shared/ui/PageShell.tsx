import { AppShell, Group, NavLink, ScrollArea, Text, Title } from '@mantine/core';
import { type ReactNode, Suspense } from 'react';
import { Outlet, NavLink as RouterLink, useLocation } from 'react-router-dom';
import { QuietLoader } from './QuietLoader.tsx';

export interface ShellMenuEntry {
  to: string;
  label: string;
  rightSection?: ReactNode;
}

/**
 * The shell the desk and the group console share: the app's name and the place's name on the
 * left of the header, `tools` on its right; the menu on the left (it scrolls: at 768 px a long
 * menu does not fit); the open page, whose code arrives on its first visit, in the middle.
 */
export function PageShell(props: {
  appName: string;
  placeName: string;
  tools: ReactNode;
  menu: ShellMenuEntry[];
  menuLabel: string;
  navbarWidth: number;
  menuTestId?: string;
  children?: ReactNode;
}) {
  const location = useLocation();
  return (
    <AppShell header={{ height: 64 }} navbar={{ width: props.navbarWidth, breakpoint: 0 }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Title order={2} size="h3">
              {props.appName}
            </Title>
            <Text c="dimmed">{props.placeName}</Text>
          </Group>
          <Group wrap="nowrap">{props.tools}</Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={props.menuLabel}>
        <AppShell.Section grow component={ScrollArea} data-testid={props.menuTestId}>
          {props.menu.map((entry) => (
            <NavLink
              key={entry.to}
              component={RouterLink}
              to={entry.to}
              label={<Text size="lg">{entry.label}</Text>}
              active={location.pathname.startsWith(entry.to)}
              rightSection={entry.rightSection}
            />
          ))}
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <Suspense fallback={<QuietLoader mih="50vh" />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
      {props.children}
    </AppShell>
  );
}
