import { Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * What a list or screen shows when it has nothing: one sentence saying why it is empty and
 * what to do next (register, widen the dates, wait for the desk), never a blank space. An
 * action the reader can take at once may follow it.
 */
export function EmptyState(props: { children: string; action?: ReactNode; testId?: string }) {
  return (
    <Paper withBorder p="md" radius="sm" style={{ borderStyle: 'dashed' }} role="status" data-testid={props.testId ?? 'empty-state'}>
      <Text c="dimmed">{props.children}</Text>
      {props.action}
    </Paper>
  );
}
