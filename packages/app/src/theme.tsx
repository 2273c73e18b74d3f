import {
  createBaseThemeOptions,
  createUnifiedTheme,
  palettes,
  UnifiedTheme,
  UnifiedThemeProvider,
} from '@backstage/theme';
import { AppTheme } from '@backstage/core-plugin-api';
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

/** The example portal's themes: Backstage's light and dark ones, with wrapping page titles. */
export const themes: AppTheme[] = [
  {
    id: 'light',
    title: 'Light Theme',
    variant: 'light',
    icon: <LightIcon />,
    Provider: ({ children }) => (
      <UnifiedThemeProvider theme={light}>{children}</UnifiedThemeProvider>
    ),
  },
  {
    id: 'dark',
    title: 'Dark Theme',
    variant: 'dark',
    icon: <DarkIcon />,
    Provider: ({ children }) => (
      <UnifiedThemeProvider theme={dark}>{children}</UnifiedThemeProvider>
    ),
  },
];
