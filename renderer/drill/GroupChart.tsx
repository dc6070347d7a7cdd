/** The level's chart: exceptions by group, coloured by severity; a click drills in. */
import { useMemo } from 'react';
import type { DrillGroup } from '../../shared/compare';
import { EChart } from '../charts/EChart';
import { groupLabel, SEVERITY_COLOR, severityOf } from './severity';

export function GroupChart({ groups, dimension, onPick }: { groups: DrillGroup[]; dimension: string; onPick: (value: string | null) => void }) {
  const option = useMemo(() => {
    const shown = [...groups].sort((a, b) => b.exceptions.total - a.exceptions.total).slice(0, 40);
    return {
      grid: { left: 8, right: 12, top: 26, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'category', data: shown.map((g) => groupLabel(g.value)), axisLabel: { rotate: shown.length > 8 ? 35 : 0, fontSize: 11 } },
      yAxis: { type: 'value', name: 'exceptions', nameTextStyle: { fontSize: 11 }, axisLabel: { fontSize: 11 } },
      series: [
        {
          type: 'bar',
          name: `exceptions by ${dimension}`,
          data: shown.map((g) => ({ value: g.exceptions.total, itemStyle: { color: SEVERITY_COLOR[severityOf(g)] } })),
          barMaxWidth: 42,
        },
      ],
    };
  }, [groups, dimension]);
  return (
    <EChart
      option={option}
      testId="group-chart"
      onClick={(click) => {
        const g = groups.find((x) => groupLabel(x.value) === click.name);
        if (g) onPick(g.value);
      }}
    />
  );
}
