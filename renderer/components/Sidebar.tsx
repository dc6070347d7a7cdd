import type { Page } from '../lib/view';
import { count, percent } from '../lib/format';
import { useAudit } from '../store/audit';
import { useWorkbench } from '../store/workbench';

const PAGES: { id: Page; label: string; hint: string }[] = [
  { id: 'sources', label: 'Sources', hint: 'Files, schema, keys' },
  { id: 'contract', label: 'Contract', hint: 'What is compared, how' },
  { id: 'results', label: 'Results', hint: 'Five levels of parity' },
  { id: 'drill', label: 'Drill-down', hint: 'Region → product → date → rows' },
];

export function Sidebar() {
  const page = useWorkbench((s) => s.view.page);
  const go = useWorkbench((s) => s.go);
  const summary = useWorkbench((s) => s.workspace?.summary);
  const audit = useAudit((s) => s.mode);
  const pack = useAudit((s) => s.overview);
  return (
    <nav className="sidebar" aria-label="Workbench">
      {PAGES.map((p, i) => (
        <button key={p.id} className={`side-item ${page === p.id && audit === 'closed' ? 'on' : ''}`}
          onClick={() => {
            useAudit.getState().leave();
            go(p.id);
          }}
          data-testid={`nav-${p.id}`}
          aria-current={page === p.id && audit === 'closed' ? 'page' : undefined}
        >
          <span className="side-step">{i + 1}</span>
          <span className="side-text">
            <span className="side-label">{p.label}</span>
            <span className="side-hint">{p.hint}</span>
          </span>
        </button>
      ))}
      <button className={`side-item side-audit ${audit !== 'closed' ? 'on' : ''}`} onClick={() => useAudit.getState().choose()} data-testid="nav-audit" aria-current={audit !== 'closed' ? 'page' : undefined}>
        <span className="side-step">A</span>
        <span className="side-text">
          <span className="side-label">Auditor mode</span>
          <span className="side-hint">{pack ? `Open: ${pack.title}` : 'Open a signed pack, read-only'}</span>
        </span>
      </button>
      {summary && audit === 'closed' && (
        <div className="side-summary" data-testid="side-summary">
          <div className={`side-rate ${summary.slo.met ? 'ok' : 'bad'}`}>{percent(summary.matchRate, 2)}</div>
          <div className="muted small">match rate{summary.slo.minMatchRate !== null ? ` · SLO ${percent(summary.slo.minMatchRate, 1)}` : ''}</div>
          <div className="muted small">{count(summary.rows.mismatched)} mismatched rows</div>
        </div>
      )}
    </nav>
  );
}
