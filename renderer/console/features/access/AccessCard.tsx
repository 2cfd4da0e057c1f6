import { Center, Group, Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { LanguageSwitch } from '../../../shared/ui/LanguageSwitch.tsx';

/** The card the console's setup and sign-in sit in, alone on the page: its title, the language, then the form. */
export function AccessCard(props: { title: string; width: number; children: ReactNode }) {
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" w={props.width}>
        <Group justify="space-between" mb="xs" wrap="nowrap">
          <Title order={1} size="h2">
            {props.title}
          </Title>
          <LanguageSwitch />
        </Group>
        {props.children}
      </Paper>
    </Center>
  );
}
