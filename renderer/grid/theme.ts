import { AllCommunityModule, ModuleRegistry, themeQuartz } from 'ag-grid-community';

ModuleRegistry.registerModules([AllCommunityModule]);

export const gridTheme = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 12,
  headerFontSize: 12,
  headerFontWeight: 600,
  spacing: 5,
  rowHeight: 28,
  headerHeight: 32,
  accentColor: '#4f46e5',
  borderColor: '#e2e8f0',
  headerBackgroundColor: '#f8fafc',
  oddRowBackgroundColor: '#fcfcfd',
  wrapperBorderRadius: 6,
});
