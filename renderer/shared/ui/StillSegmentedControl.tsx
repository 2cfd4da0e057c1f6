import { SegmentedControl } from '@mantine/core';
import { type CSSProperties, useId } from 'react';

const classes = SegmentedControl.classes;

/**
 * Mantine's SegmentedControl as it looks before it measures itself: its own classes and radios,
 * the chosen segment drawn by its label rather than by a sliding indicator. The indicator is
 * placed by reading the layout as the control mounts, which on a page drawn at once with its
 * content (the board's 150 cards) forces the browser to lay out all of it before the first paint.
 * For a control that changes what the page shows, where a slide adds nothing.
 */
export function StillSegmentedControl<T extends string>(props: {
  value: T;
  onChange: (value: T) => void;
  data: readonly { value: T; label: string }[];
  'aria-label'?: string;
  w?: 'fit-content';
}) {
  const name = useId();
  return (
    <div
      className={`mantine-SegmentedControl-root ${classes.root}`}
      role="radiogroup"
      aria-label={props['aria-label']}
      data-with-items-borders
      // The shadow Mantine gives its indicator, here the chosen label's.
      style={{ '--sc-shadow': 'var(--mantine-shadow-xs)', width: props.w } as CSSProperties}
    >
      {props.data.map((item) => {
        const active = item.value === props.value;
        const id = `${name}-${item.value}`;
        return (
          <div key={item.value} className={`mantine-SegmentedControl-control ${classes.control}`} data-active={active || undefined}>
            <input
              className={`mantine-SegmentedControl-input ${classes.input}`}
              type="radio"
              name={name}
              value={item.value}
              id={id}
              checked={active}
              onChange={() => props.onChange(item.value)}
              data-focus-ring="auto"
            />
            <label className={`mantine-SegmentedControl-label ${classes.label}`} htmlFor={id} data-active={active || undefined}>
              <span className={`mantine-SegmentedControl-innerLabel ${classes.innerLabel}`}>{item.label}</span>
            </label>
          </div>
        );
      })}
    </div>
  );
}
