import { createTheme, type CSSVariablesResolver } from '@mantine/core';

/** Darker shades than Mantine's defaults so that text and buttons meet WCAG AA contrast. */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 5 },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", Arial, sans-serif',
  defaultRadius: 'md',
  headings: { fontWeight: '700' },
  components: {
    // Mantine's close buttons have no text of their own.
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Fermer' } } },
    // Alert texts in the body colour: tinted text on a tinted background is too pale for some colours.
    Alert: { styles: { message: { color: 'var(--mantine-color-text)' } } },
    // A menu holds menu items only (ARIA): no focusable placeholder of Mantine's before them.
    Menu: { defaultProps: { withInitialFocusPlaceholder: false } },
  },
});

/**
 * Light buttons one shade paler than Mantine's (shade 0, and 1 under the
 * pointer instead of 1 and 2): their shade-9 text on shade 2 falls under
 * WCAG AA's 4.5:1 once the pointer rests on them.
 */
const paleLightVariants = (t: Parameters<CSSVariablesResolver>[0]) =>
  Object.fromEntries(Object.keys(t.colors).flatMap((name) => [[`--mantine-color-${name}-light`, `var(--mantine-color-${name}-0)`], [`--mantine-color-${name}-light-hover`, `var(--mantine-color-${name}-1)`]]));

export const cssVariables: CSSVariablesResolver = (t) => ({
  variables: {},
  light: { '--mantine-color-dimmed': t.colors.gray[7]!, '--mantine-color-placeholder': t.colors.gray[7]!, '--mantine-color-error': t.colors.red[9]!, ...paleLightVariants(t) },
  dark: {},
});
