import type { WorkspaceState } from '../../shared/types';
import { when } from '../lib/format';
import { useWorkbench } from '../store/workbench';
import { SchemaTable } from './SchemaTable';
import { SummaryTiles } from './SummaryTiles';

export function TechnicalView({ ws }: { ws: WorkspaceState }) {
  const runTechnical = useWorkbench((s) => s.runTechnical);
  const busy = useWorkbench((s) => s.jobs.length > 0);
  if (!ws.left || !ws.right) {
    return <p className="empty">Add a legacy and a new source to see how they differ.</p>;
  }
  if (!ws.report) {
    return (
      <div className="empty">
        <p>Technical parity has not been computed for these sources yet.</p>
        <button className="btn btn-primary" disabled={busy} onClick={() => void runTechnical()}>
          Compute technical parity
        </button>
      </div>
    );
  }
  return (
    <div className="technical" data-testid="technical">
      <SummaryTiles report={ws.report} settings={ws.settings} />
      <section className="panel">
        <header className="panel-head">
          <h3>Columns side by side</h3>
          <span className="muted small">
            Paired automatically when names match ignoring case, spaces and underscores; pair the rest by hand ·
            computed {when(ws.report.computedAt)} in {(ws.report.elapsedMs / 1000).toFixed(1)} s
          </span>
          <button className="btn btn-small" disabled={busy} onClick={() => void runTechnical()}>
            Recompute
          </button>
        </header>
        <SchemaTable report={ws.report} settings={ws.settings} />
      </section>
    </div>
  );
}
