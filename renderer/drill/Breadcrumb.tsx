import type { DrillView } from '../lib/view';
import { groupLabel } from './severity';

/** All ▸ REGION: APAC ▸ PRODUCT: Laptop ▸ rows — each step goes back up. */
export function Breadcrumb({ drill, onUp }: { drill: DrillView; onUp: (depth: number) => void }) {
  return (
    <nav className="crumbs" aria-label="Drill-down path" data-testid="breadcrumb">
      <button className="crumb" onClick={() => onUp(0)} disabled={drill.path.length === 0 && !drill.rows}>
        All
      </button>
      {drill.path.map((f, i) => (
        <span key={`${f.dimension}-${i}`}>
          <span className="crumb-sep">▸</span>
          <button className="crumb" onClick={() => onUp(i + 1)} disabled={i === drill.path.length - 1 && !drill.rows}>
            {f.dimension}: <strong>{groupLabel(f.value)}</strong>
          </button>
        </span>
      ))}
      {drill.rows && (
        <span>
          <span className="crumb-sep">▸</span>
          <span className="crumb current">exception rows</span>
        </span>
      )}
    </nav>
  );
}
