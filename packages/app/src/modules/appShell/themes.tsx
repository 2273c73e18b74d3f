import {
  createBaseThemeOptions,
  createUnifiedTheme,
  palettes,
  UnifiedTheme,
  UnifiedThemeProvider,
} from '@backstage/theme';
import { ThemeBlueprint } from '@backstage/plugin-app-react';
import LightIcon from '@material-ui/icons/WbSunny';
import DarkIcon from '@material-ui/icons/Brightness2';

/**
 * Backstage's page header never wraps its title, so an entity named with one
 * long word (a tool name from a guide, say) pushes the page wider than the
 * screen. These overrides let the title break anywhere and the title box
 * shrink beside the header's right-hand items.
 */
const components = {
  BackstageHeader: {
    styleOverrides: {
      title: { overflowWrap: 'anywhere' as const },
      leftItemsBox: { minWidth: 0 },
    },
  },
};

function themeFor(variant: 'light' | 'dark'): UnifiedTheme {
  return createUnifiedTheme({
    ...createBaseThemeOptions({ palette: palettes[variant] }),
    components,
  });
}

const light = themeFor('light');
const dark = themeFor('dark');

/** Backstage's light theme with wrapping page titles (replaces `theme:app/light`). */
export const lightTheme = ThemeBlueprint.make({
  name: 'light',
  params: {
    theme: {
      id: 'light',
      title: 'Light Theme',
      variant: 'light',
      icon: <LightIcon />,
      Provider: ({ children }) => (
        <UnifiedThemeProvider theme={light}>{children}</UnifiedThemeProvider>
      ),
    },
  },
});

/** Backstage's dark theme with wrapping page titles (replaces `theme:app/dark`). */
export const darkTheme = ThemeBlueprint.make({
  name: 'dark',
  params: {
    theme: {
      id: 'dark',
      title: 'Dark Theme',
      variant: 'dark',
      icon: <DarkIcon />,
      Provider: ({ children }) => (
        <UnifiedThemeProvider theme={dark}>{children}</UnifiedThemeProvider>
      ),
    },
  },
});
