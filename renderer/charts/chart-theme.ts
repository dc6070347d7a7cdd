/**
 * The charts' colours for the dark theme (the light theme is ECharts' own): text, axes and grid lines
 * as the rest of the dark workbench draws them (styles.css), on the panel's own background.
 */
import * as echarts from 'echarts/core';
import type { Theme } from '../lib/view';

const INK = '#cbd5e1';
const MUTED = '#94a3b8';
const AXIS = '#334155';
const GRID = '#1e293b';

const axis = { axisLine: { lineStyle: { color: AXIS } }, axisTick: { lineStyle: { color: AXIS } }, axisLabel: { color: MUTED }, splitLine: { lineStyle: { color: GRID } }, nameTextStyle: { color: MUTED } };

echarts.registerTheme('parity-dark', {
  backgroundColor: 'transparent',
  textStyle: { color: INK },
  categoryAxis: axis,
  valueAxis: axis,
  visualMap: { textStyle: { color: MUTED } },
  tooltip: { backgroundColor: '#1e293b', borderColor: AXIS, textStyle: { color: INK } },
});

/** The name ECharts knows the workbench theme's chart colours by (undefined: its own). */
export function chartTheme(theme: Theme): string | undefined {
  return theme === 'dark' ? 'parity-dark' : undefined;
}
