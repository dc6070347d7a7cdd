/** Dimensions to drill by, and the measures compared per group. */
import { grains, measureFns, type Grain, type MeasureFn } from '../../shared/contract';
import type { Draft } from './draft';

type Dim = { name?: string; left: string; right?: string; grain?: Grain };
type Measure = { name?: string; fn: MeasureFn; left?: string; right?: string; absTol?: string; relTol?: string };

const asDim = (d: unknown): Dim => (typeof d === 'string' ? { left: d } : (d as Dim));

export function AggregatesEditor({ draft, columns, temporal, onChange }: { draft: Draft; columns: string[]; temporal: Set<string>; onChange: (d: Draft) => void }) {
  const dims = ((draft.dimensions as unknown[] | undefined) ?? []).map(asDim);
  const measures = ((draft.measures as Measure[] | undefined) ?? []).map((m) => ({ ...m }));
  const setDims = (next: Dim[]) => onChange({ ...draft, dimensions: next.map((d) => (Object.keys(d).length === 1 ? d.left : d)) });
  const setMeasures = (next: Measure[]) => onChange({ ...draft, measures: next });
  return (
    <div className="agg-editor">
      <div>
        <h4>Dimensions (drill order)</h4>
        {dims.map((d, i) => (
          <div className="line-edit" key={i}>
            <select value={d.left} aria-label={`Dimension ${i + 1}`} onChange={(e) => setDims(dims.map((x, j) => (j === i ? { ...x, left: e.target.value, grain: temporal.has(e.target.value) ? (x.grain ?? ('month' as Grain)) : undefined } : x)))}>
              {columns.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
            <input placeholder="name" value={d.name ?? ''} onChange={(e) => setDims(dims.map((x, j) => (j === i ? { ...x, name: e.target.value || undefined } : x)))} />
            {temporal.has(d.left) && (
              <select value={d.grain ?? 'month'} aria-label="Grain" onChange={(e) => setDims(dims.map((x, j) => (j === i ? { ...x, grain: e.target.value as Grain } : x)))}>
                {grains.map((g) => (
                  <option key={g}>{g}</option>
                ))}
              </select>
            )}
            <button className="btn-icon" aria-label="Remove dimension" onClick={() => setDims(dims.filter((_, j) => j !== i))}>
              ×
            </button>
          </div>
        ))}
        <button className="btn btn-small" onClick={() => setDims([...dims, { left: columns[0] ?? '' }])}>
          Add dimension
        </button>
      </div>
      <div>
        <h4>Measures</h4>
        {measures.map((m, i) => (
          <div className="line-edit" key={i}>
            <input placeholder="name" value={m.name ?? ''} onChange={(e) => setMeasures(measures.map((x, j) => (j === i ? { ...x, name: e.target.value || undefined } : x)))} />
            <select value={m.fn} aria-label="Function" onChange={(e) => setMeasures(measures.map((x, j) => (j === i ? { ...x, fn: e.target.value as MeasureFn } : x)))}>
              {measureFns.map((f) => (
                <option key={f}>{f}</option>
              ))}
            </select>
            <select value={m.left ?? ''} aria-label="Column" onChange={(e) => setMeasures(measures.map((x, j) => (j === i ? { ...x, left: e.target.value || undefined } : x)))}>
              <option value="">rows</option>
              {columns.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
            <input className="tol-input" placeholder="± abs" value={m.absTol ?? ''} onChange={(e) => setMeasures(measures.map((x, j) => (j === i ? { ...x, absTol: e.target.value || undefined } : x)))} />
            <input className="tol-input" placeholder="± rel" value={m.relTol ?? ''} onChange={(e) => setMeasures(measures.map((x, j) => (j === i ? { ...x, relTol: e.target.value || undefined } : x)))} />
            <button className="btn-icon" aria-label="Remove measure" onClick={() => setMeasures(measures.filter((_, j) => j !== i))}>
              ×
            </button>
          </div>
        ))}
        <button className="btn btn-small" onClick={() => setMeasures([...measures, { fn: 'count' }])}>
          Add measure
        </button>
      </div>
    </div>
  );
}
