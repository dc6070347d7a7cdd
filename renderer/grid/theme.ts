import { AllCommunityModule, ModuleRegistry, colorSchemeDarkBlue, colorSchemeLight, themeQuartz } from 'ag-grid-community';
import type { Theme } from '../lib/view';

ModuleRegistry.registerModules([AllCommunityModule]);

const base = {
  fontFamily: 'inherit',
  fontSize: 12,
  headerFontSize: 12,
  headerFontWeight: 600,
  spacing: 5,
  rowHeight: 28,
  headerHeight: 32,
  wrapperBorderRadius: 6,
};

const light = themeQuartz.withPart(colorSchemeLight).withParams({
  ...base,
  accentColor: '#4f46e5',
  borderColor: '#e2e8f0',
  headerBackgroundColor: '#f8fafc',
  oddRowBackgroundColor: '#fcfcfd',
});

const dark = themeQuartz.withPart(colorSchemeDarkBlue).withParams({ ...base, accentColor: '#818cf8' });

export function gridTheme(theme: Theme) {
  return theme === 'dark' ? dark : light;
}
