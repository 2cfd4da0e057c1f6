import { Button, Group } from '@mantine/core';

/** One button at the end of a table row: `default` for looking and editing, `light` for a switch, filled for the row's main step. */
export interface RowAction {
  label: string;
  onClick: () => void;
  variant?: 'default' | 'light' | 'filled';
  color?: string;
  /** Left out of the row: the user may not, or the row's state does not allow it. */
  hidden?: boolean;
}

/** The actions at the end of a table row, one size and one alignment on every administration list. */
export function RowActions(props: { actions: RowAction[] }) {
  return (
    <Group gap="xs" justify="flex-end" wrap="nowrap">
      {props.actions
        .filter((a) => !a.hidden)
        .map((a) => (
          <Button
            key={a.label}
            size="compact-md"
            variant={a.variant ?? 'default'}
            {...(a.color ? { color: a.color } : {})}
            onClick={a.onClick}
          >
            {a.label}
          </Button>
        ))}
    </Group>
  );
}
