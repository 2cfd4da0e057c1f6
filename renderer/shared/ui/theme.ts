import { Badge, type CSSVariablesResolver, createTheme, Select } from '@mantine/core';

/**
 * Front-desk monitors are often 1366×768 and the staff not young: 16 px base text, large
 * targets, high contrast, and a CJK font stack that prints too.
 */
export const theme = createTheme({
  fontFamily:
    '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK TC", system-ui, sans-serif',
  fontSizes: { xs: '14px', sm: '15px', md: '16px', lg: '18px', xl: '20px' },
  defaultRadius: 'sm',
  primaryColor: 'blue',
  // Text on colour meets WCAG AA (4.5:1): the darker shade for filled buttons and badges, black
  // text on the light ones (orange, green, yellow), and the axe test holds every screen to it.
  primaryShade: 8,
  autoContrast: true,
  luminanceThreshold: 0.19,
  components: {
    // Badges speak in sentences here ("Met on time"): no capitals, never squeezed into an ellipsis.
    Badge: Badge.extend({ styles: { root: { textTransform: 'none', flexShrink: 0, maxWidth: 'none' } } }),
    // A closed select keeps no hidden list: kept mounted, each list is placed (its styles and layout
    // read) as the page mounts, six times over on the board's filters before its first paint.
    Select: Select.extend({ defaultProps: { comboboxProps: { keepMounted: false } } }),
  },
});

/** The light hues' text shades that reach 4.5:1 on white and on their own light backgrounds. */
const darkEnoughText = {
  yellow: '#7a4a00',
  orange: '#a33a05',
  green: '#1e6b2e',
  lime: '#3d6309',
  teal: '#06624a',
  cyan: '#0a5e6d',
};

/** Dimmed text, placeholders, coloured text and light badges dark enough to read (4.5:1). */
export const readableText: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': '#6c737a',
    ...Object.fromEntries(
      Object.entries(darkEnoughText).flatMap(([color, value]) => [
        [`--mantine-color-${color}-light-color`, value],
        [`--mantine-color-${color}-text`, value],
      ]),
    ),
  },
  dark: {},
});
