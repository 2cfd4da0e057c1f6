import { Badge, type MantineColor, type MantineTheme } from '@mantine/core';
import type { CSSProperties } from 'react';
import './plainBadge.css';

type Variant = 'filled' | 'light' | 'outline';
type Size = 'xs' | 'sm' | 'md' | 'lg';

/** Mantine's badge variables for a colour, variant and size, as the theme resolves them; worked out once each. */
const badgeVars = new Map<string, CSSProperties>();
function badgeStyle(theme: MantineTheme, color: MantineColor, variant: Variant, size: Size) {
  const key = `${color} ${variant} ${size}`;
  let style = badgeVars.get(key);
  if (!style) {
    style = (Badge.varsResolver?.(theme, { color, variant, size }, {}).root ?? {}) as CSSProperties;
    badgeVars.set(key, style);
  }
  return style;
}

/**
 * A badge as Mantine draws it, on two plain elements with its classes: a board or a list page
 * shows hundreds, and building each through the component was most of their first render.
 * `wrap`: a narrow place lets the words run onto a second line rather than cut them.
 */
export function PlainBadge(props: {
  words: string;
  color: MantineColor;
  variant?: Variant;
  size: Size;
  theme: MantineTheme;
  wrap?: boolean;
  'data-testid'?: string | undefined;
  'data-deadline'?: string;
}) {
  const variant = props.variant ?? 'filled';
  return (
    <div
      className={`${Badge.classes.root} mantine-Badge-root desk-plain-badge`}
      data-variant={variant}
      data-size={props.size}
      data-wrap={props.wrap || undefined}
      data-testid={props['data-testid']}
      data-deadline={props['data-deadline']}
      style={badgeStyle(props.theme, props.color, variant, props.size)}
    >
      <span className={`${Badge.classes.label} mantine-Badge-label desk-plain-badge-label`}>{props.words}</span>
    </div>
  );
}
