import { Card, Text, UnstyledButton } from '@mantine/core';

/** One figure as a card: its label, its value, a line under it; a button when it leads to its cases. */
export function Stat(props: {
  label: string;
  value: string;
  sub?: string | undefined;
  tone?: 'red' | 'orange' | 'teal' | undefined;
  onClick?: (() => void) | undefined;
  testId: string;
}) {
  const body = (
    <Card withBorder padding="sm" h="100%" data-testid={props.testId}>
      <Text c="dimmed" size="sm">
        {props.label}
      </Text>
      <Text fz={28} fw={700} c={props.tone ? `${props.tone}.8` : 'inherit'} lh={1.3}>
        {props.value}
      </Text>
      {props.sub && (
        <Text size="sm" c="dimmed">
          {props.sub}
        </Text>
      )}
    </Card>
  );
  return props.onClick ? <UnstyledButton onClick={props.onClick}>{body}</UnstyledButton> : body;
}
