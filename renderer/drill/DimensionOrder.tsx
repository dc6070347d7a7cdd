import type { Grain } from '../../shared/contract';
import type { DrillView } from '../lib/view';
import { useWorkbench } from '../store/workbench';

const GRAINS: Grain[] = ['day', 'week', 'month', 'quarter', 'year'];

/** The order dimensions are drilled in (any order: date first, product first…), and the date grain. */
export function DimensionOrder({ drill, temporal }: { drill: DrillView; temporal: Set<string> }) {
  const setDrill = useWorkbench((s) => s.setDrill);
  const move = (i: number, by: number) => {
    const order = [...drill.order];
    const [d] = order.splice(i, 1);
    order.splice(i + by, 0, d);
    setDrill({ order, path: [], rows: false });
  };
  return (
    <div className="dim-order" data-testid="dimension-order">
      <span className="muted small">Drill order</span>
      {drill.order.map((d, i) => (
        <span className={`chip ${i < drill.path.length ? 'chip-used' : ''}`} key={d}>
          <button className="chip-x" aria-label={`Move ${d} earlier`} disabled={i === 0} onClick={() => move(i, -1)}>
            ‹
          </button>
          {d}
          <button className="chip-x" aria-label={`Move ${d} later`} disabled={i === drill.order.length - 1} onClick={() => move(i, 1)}>
            ›
          </button>
        </span>
      ))}
      {drill.order.some((d) => temporal.has(d)) && (
        <label className="inline small">
          dates by
          <select className="select-small" value={drill.grain} aria-label="Date grain" onChange={(e) => setDrill({ grain: e.target.value as Grain, path: drill.path.filter((f) => !temporal.has(f.dimension)), rows: false })}>
            {GRAINS.map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
