/** At the top: one dimension against the calendar, each cell the exceptions in it. */
import { useEffect, useMemo, useState } from 'react';
import type { DrillResult } from '../../shared/compare';
import type { Grain } from '../../shared/contract';
import { drillGroups } from './levels';
import { afterPaint } from '../lib/after-paint';
import { EChart } from '../charts/EChart';
import { useWorkbench } from '../store/workbench';
import { groupLabel } from './severity';
import { count } from '../lib/format';

type Cells = { row: string | null; cols: DrillResult }[];

/** The last heatmap, by what it shows: going back to the top of the drill-down asks the engine nothing. */
let remembered: { key: string; cells: Cells } | null = null;

/** `ask` false (drawn out of sight, behind the Results page): the last cells stay until it may ask again. */
export function Heatmap({ rows, columns, grain, onPick, ask = true }: { rows: string; columns: string; grain: Grain; onPick: (row: string | null) => void; ask?: boolean }) {
  const version = useWorkbench((s) => s.resultsVersion);
  const key = JSON.stringify([rows, columns, grain, version]);
  const [fetched, setData] = useState<Cells | null>(null);
  const data = remembered?.key === key ? remembered.cells : fetched;
  useEffect(() => {
    if (remembered?.key === key || !ask) return;
    let live = true;
    const cancel = afterPaint(() => void (async () => {
      // The top level is the one the drill-down shows first: asked once for both.
      const top = await drillGroups(rows, null, [], version);
      const cells = await Promise.all(top.groups.map(async (g) => ({ row: g.value, cols: await drillGroups(columns, grain, [{ dimension: rows, value: g.value }], version) })));
      remembered = { key, cells };
      if (live) setData(cells);
    })().catch((e) => useWorkbench.getState().showError(e)));
    return () => {
      live = false;
      cancel();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, ask]);
  const option = useMemo(() => {
    if (!data) return {};
    const xs = [...new Set(data.flatMap((d) => d.cols.groups.map((g) => g.value ?? '')))].sort();
    const ys = data.map((d) => groupLabel(d.row));
    const points = data.flatMap((d, y) => d.cols.groups.map((g) => [xs.indexOf(g.value ?? ''), y, g.exceptions.total]));
    const max = Math.max(1, ...points.map((p) => p[2]));
    return {
      grid: { left: 8, right: 12, top: 8, bottom: 40, containLabel: true },
      tooltip: { formatter: (p: { value: number[] }) => `${ys[p.value[1]]} · ${xs[p.value[0]]}: ${p.value[2].toLocaleString('en-US')} exceptions` },
      xAxis: { type: 'category', data: xs.map((x) => x.slice(0, grain === 'month' ? 7 : 10)), axisLabel: { fontSize: 11 } },
      yAxis: { type: 'category', data: ys, axisLabel: { fontSize: 11 } },
      visualMap: { min: 0, max, calculable: false, text: [`${count(max)} exceptions`, '0'], orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120, inRange: { color: ['#f0fdf4', '#fde68a', '#f97316', '#b91c1c'] }, textStyle: { fontSize: 10 } },
      // Dark figures on the pale cells, white ones on the darkest (either theme: the cells are the same colours).
      series: [{ type: 'heatmap', data: points.map((p) => ({ value: p, label: { color: p[2] > max * 0.7 ? '#ffffff' : '#1f2937' } })), label: { show: xs.length <= 12, fontSize: 10 } }],
    };
  }, [data, grain]);
  if (!data) return <div className="chart chart-loading">Loading the heatmap…</div>;
  return <EChart option={option} height={Math.max(140, 40 + data.length * 28)} testId="heatmap" onClick={(click) => onPick(data[(click.value as number[])?.[1] ?? -1]?.row ?? null)} />;
}
