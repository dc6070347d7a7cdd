/** ECharts in React: one instance per element, options replaced in place, resized with its box. */
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

echarts.use([BarChart, HeatmapChart, GridComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

export interface ChartClick {
  name?: string;
  value?: unknown;
}

export function EChart({ option, height = 220, onClick, testId }: { option: EChartsCoreOption; height?: number; onClick?: (click: ChartClick) => void; testId?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  useEffect(() => {
    click.current = onClick;
  }, [onClick]);
  useEffect(() => {
    if (!box.current) return;
    const instance = echarts.init(box.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (p) => click.current?.(p as ChartClick));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    // Series and axes are replaced, the rest updated in place; the canvas is drawn on ECharts' next frame,
    // so a new level's grid is not kept waiting for its chart.
    chart.current?.setOption({ animation: false, ...option }, { replaceMerge: ['series', 'xAxis', 'yAxis', 'visualMap'], lazyUpdate: true });
  }, [option]);
  return <div ref={box} className="chart" style={{ height }} data-testid={testId} />;
}
