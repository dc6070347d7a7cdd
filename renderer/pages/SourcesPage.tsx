/** Step 1: the two extracts, their schema side by side, keys, rows and rejected lines. */
import type { WorkspaceState } from '../../shared/types';
import type { SourcesTab } from '../lib/view';
import { useWorkbench } from '../store/workbench';
import { DataView } from '../components/DataView';
import { KeysView } from '../components/KeysView';
import { RejectsView } from '../components/RejectsView';
import { SourceCard } from '../components/SourceCard';
import { TechnicalView } from '../components/TechnicalView';

const TABS: [SourcesTab, string][] = [
  ['schema', 'Technical parity'],
  ['keys', 'Keys'],
  ['data', 'Data'],
  ['rejects', 'Rejected lines'],
];

export function SourcesPage({ ws }: { ws: WorkspaceState }) {
  const tab = useWorkbench((s) => s.view.sourcesTab);
  const setTab = useWorkbench((s) => s.setSourcesTab);
  const rejected = (ws.left?.rejectedLines ?? 0) + (ws.right?.rejectedLines ?? 0);
  return (
    <div className="page" data-testid="page-sources">
      <div className="sources">
        <SourceCard side="left" source={ws.left} />
        <div className="versus" aria-hidden>
          vs
        </div>
        <SourceCard side="right" source={ws.right} />
      </div>
      <nav className="tabs" role="tablist">
        {TABS.map(([id, label]) => (
          <button key={id} role="tab" aria-selected={tab === id} className={tab === id ? 'on' : ''} onClick={() => setTab(id)} data-testid={`tab-${id}`}>
            {label}
            {id === 'rejects' && rejected > 0 && <span className="count-badge">{rejected}</span>}
          </button>
        ))}
      </nav>
      <div className="tab-body">
        {tab === 'schema' ? <TechnicalView ws={ws} /> : tab === 'keys' ? <KeysView ws={ws} /> : tab === 'data' ? <DataView ws={ws} /> : <RejectsView ws={ws} />}
      </div>
    </div>
  );
}
