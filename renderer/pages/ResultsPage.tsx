/** Step 3: the five levels of parity, the per-column table, and the toggles that re-classify in place. */
import type { WorkspaceState } from '../../shared/types';
import { useWorkbench } from '../store/workbench';
import { ColumnResults } from '../results/ColumnResults';
import { DeltaLine } from '../results/DeltaLine';
import { LevelCards } from '../results/LevelCards';
import { RuleToolbar } from '../results/RuleToolbar';
import { when } from '../lib/format';
import { SignOffPanel } from '../notes/SignOffPanel';
import { ExportPack } from '../notes/ExportPack';
import { useExplanationCounts } from '../notes/useExplanationCounts';

export function ResultsPage({ ws }: { ws: WorkspaceState }) {
  const go = useWorkbench((s) => s.go);
  const runCompare = useWorkbench((s) => s.runCompare);
  const busy = useWorkbench((s) => s.jobs.length > 0);
  const { summary, contract } = ws;
  // Lazy: after a restart the run reopens on the first drill-down or toggle, not because counts are shown.
  const counts = useExplanationCounts(summary ? { lazy: true } : null);
  if (!summary || !contract) {
    return (
      <div className="page empty" data-testid="page-results">
        <p>No comparison has run on these sources yet.</p>
        <button className="btn btn-primary" onClick={() => go('contract')}>
          Set up the contract
        </button>
      </div>
    );
  }
  return (
    <div className="page" data-testid="page-results">
      <header className="page-head">
        <div>
          <h1>{summary.contract.name}</h1>
          <p className="muted small">
            {summary.contract.domain && `${summary.contract.domain} · `}
            {summary.contract.steward && `steward ${summary.contract.steward} · `}ran {when(summary.ranAt)}
          </p>
        </div>
        <div className="spacer" />
        <button className="btn" disabled={busy} onClick={() => void runCompare(contract, { label: 'Running the comparison', rebuild: true })} data-testid="run" title="Read both sources again and compare from scratch">
          Run again
        </button>
        <ExportPack />
        <button className="btn btn-primary" onClick={() => go('drill')}>
          Drill down →
        </button>
      </header>
      <RuleToolbar contract={contract} key={JSON.stringify([contract.left.timezone, contract.right.timezone, contract.reportingZone])} />
      <DeltaLine />
      <LevelCards summary={summary} contract={contract} report={ws.report} counts={counts} />
      <section className="panel">
        <header className="panel-head">
          <h3>Compared columns</h3>
          <span className="muted small">Change a tolerance or an option and the counts update in place.</span>
        </header>
        <ColumnResults summary={summary} contract={contract} />
      </section>
      <SignOffPanel counts={counts} />
      {(summary.schema.leftOnly.length > 0 || summary.schema.rightOnly.length > 0 || summary.schema.typeChanges.length > 0) && (
        <section className="panel" data-testid="schema-differences">
          <header className="panel-head">
            <h3>Schema differences</h3>
          </header>
          <ul className="facts">
            {summary.schema.leftOnly.length > 0 && <li>Only in legacy: {summary.schema.leftOnly.join(', ')}</li>}
            {summary.schema.rightOnly.length > 0 && <li>Only in new: {summary.schema.rightOnly.join(', ')}</li>}
            {summary.schema.typeChanges.map((t) => (
              <li key={t.column}>
                {t.column}: {t.left} → {t.right}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
