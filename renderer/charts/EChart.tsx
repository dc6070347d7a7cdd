/** ECharts in React: one instance per element, options replaced in place, resized with its box. */
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';
import { whenIdle } from '../lib/after-paint';
import { useWorkbench } from '../store/workbench';
import { chartTheme } from './chart-theme';

echarts.use([BarChart, HeatmapChart, GridComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

export interface ChartClick {
  name?: string;
  value?: unknown;
}

export function EChart({ option, height = 220, onClick, testId }: { option: EChartsCoreOption; height?: number; onClick?: (click: ChartClick) => void; testId?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const resized = useRef<ResizeObserver | null>(null);
  const click = useRef(onClick);
  const theme = chartTheme(useWorkbench((s) => s.view.theme));
  /** The theme the chart was made with: ECharts takes a theme only when a chart is made. */
  const madeWith = useRef<string | undefined>(undefined);
  useEffect(() => {
    click.current = onClick;
  }, [onClick]);
  useEffect(
    () => () => {
      resized.current?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    },
    [],
  );
  useEffect(() => {
    // Until it is drawn, the chart of the previous level shows dimmed: it is on its way, not current.
    box.current?.setAttribute('data-pending', '');
    // Drawn once the level's grid has drawn its rows: the chart follows instead of holding the grid
    // back (drawing a chart costs as much as the grid here). Series and axes are replaced, the rest updated in place.
    return whenIdle(() => {
      if (!box.current) return;
      if (chart.current && madeWith.current !== theme) {
        resized.current?.disconnect();
        chart.current.dispose();
        chart.current = null;
      }
      if (!chart.current) {
        const instance = echarts.init(box.current, theme, { renderer: 'canvas' });
        madeWith.current = theme;
        instance.on('click', (p) => click.current?.(p as ChartClick));
        // A hidden chart (the level kept under the exception rows) is not resized to nothing; a shown
        // one is redrawn once the grid beside it is on screen.
        let pending = () => undefined as void;
        resized.current = new ResizeObserver(() => {
          pending();
          pending = whenIdle(() => box.current?.offsetParent && instance.resize());
        });
        resized.current.observe(box.current);
        chart.current = instance;
      }
      chart.current.setOption({ animation: false, ...option }, { replaceMerge: ['series', 'xAxis', 'yAxis', 'visualMap'] });
      box.current.removeAttribute('data-pending');
    });
  }, [option, theme]);
  return <div ref={box} className="chart" style={{ height }} data-testid={testId} />;
}
