/** Per compared column: what differs, by how much, and the tolerance that applied — editable in place. */
import type { CompareSummary } from '../../shared/compare';
import type { Contract } from '../../shared/contract';
import { columnOptions, withColumnOptions } from '../lib/contract-edit';
import { count } from '../lib/format';
import { useWorkbench } from '../store/workbench';
import { ToleranceEditor } from './ToleranceEditor';

export function ColumnResults({ summary, contract }: { summary: CompareSummary; contract: Contract }) {
  const busy = useWorkbench((s) => s.jobs.length > 0);
  const runCompare = useWorkbench((s) => s.runCompare);
  const drillColumn = (name: string) => {
    const { setDrill, go } = useWorkbench.getState();
    setDrill({ path: [], rows: true, column: name });
    go('drill');
  };
  return (
    <div className="table-wrap">
      <table className="schema results-table" data-testid="column-results">
        <thead>
          <tr>
            <th>Column</th>
            <th>Kind</th>
            <th className="num">Mismatched</th>
            <th className="num">Within tolerance</th>
            <th className="num">Null differences</th>
            <th className="num">Max |diff|</th>
            <th>Tolerance / options</th>
          </tr>
        </thead>
        <tbody>
          {summary.columns.map((c) => {
            const spec = columnOptions(contract, summary, c.name);
            const bad = c.mismatched + c.nullDifferences > 0;
            return (
              <tr key={c.name} data-testid={`column-row-${c.name}`} className={bad ? 'row-bad' : ''}>
                <td className="colname">
                  {bad ? (
                    <button className="link" onClick={() => drillColumn(c.name)} title="List the rows where this column differs">
                      {c.name}
                    </button>
                  ) : (
                    c.name
                  )}
                  {c.right !== c.name && <span className="muted"> → {c.right}</span>}
                </td>
                <td>{c.kind}</td>
                <td className={`num ${c.mismatched ? 'diff' : ''}`} data-testid={`mismatched-${c.name}`}>{count(c.mismatched)}</td>
                <td className="num" data-testid={`within-${c.name}`}>{count(c.withinTolerance)}</td>
                <td className={`num ${c.nullDifferences ? 'diff' : ''}`}>{count(c.nullDifferences)}</td>
                <td className="num">{c.maxAbsDiff === null ? '—' : c.kind === 'timestamp' ? `${c.maxAbsDiff} s` : c.maxAbsDiff}</td>
                <td>
                  {c.kind === 'number' ? (
                    <ToleranceEditor
                      key={`${spec?.absTol}|${spec?.relTol}`}
                      name={c.name}
                      value={{ absTol: spec?.absTol, relTol: spec?.relTol }}
                      disabled={busy}
                      onApply={(t, label) => void runCompare(withColumnOptions(contract, summary, c.name, t), { change: label })}
                    />
                  ) : c.kind === 'timestamp' ? (
                    <label className="inline">
                      ±
                      <input
                        type="number"
                        min={0}
                        className="tol-input"
                        aria-label={`Seconds of tolerance on ${c.name}`}
                        disabled={busy}
                        defaultValue={spec?.toleranceSeconds ?? 0}
                        key={spec?.toleranceSeconds ?? 0}
                        onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
                        onBlur={(e) => {
                          const v = Math.max(0, Number(e.target.value) || 0);
                          if (v !== (spec?.toleranceSeconds ?? 0)) void runCompare(withColumnOptions(contract, summary, c.name, { toleranceSeconds: v || undefined }), { change: `A ${v} s tolerance on ${c.name}` });
                        }}
                      />
                      s
                    </label>
                  ) : c.kind === 'text' ? (
                    <span className="opts">
                      {(['trim', 'ignoreCase'] as const).map((opt) => (
                        <label key={opt} className="inline">
                          <input
                            type="checkbox"
                            disabled={busy}
                            checked={Boolean(spec?.[opt])}
                            onChange={(e) => void runCompare(withColumnOptions(contract, summary, c.name, { [opt]: e.target.checked || undefined }), { change: `${opt === 'trim' ? 'Trimming' : 'Ignoring case in'} ${c.name}` })}
                          />
                          {opt === 'trim' ? 'trim' : 'ignore case'}
                        </label>
                      ))}
                      {spec?.valueMap && Object.keys(spec.valueMap).length > 0 && <span className="badge badge-manual">{Object.keys(spec.valueMap).length} mapped</span>}
                    </span>
                  ) : (
                    <span className="muted">exact</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
